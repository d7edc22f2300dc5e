using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging;
using Registry.EventStore;

namespace Registry.Projections.Runtime;

/// <summary>
/// Runs one projection while this process owns it: feeds the active generation and, during a rebuild, the next one
/// beside it; commits each batch's rows and checkpoint in one transaction; faults the projection on an event it
/// cannot handle; answers operator requests; and switches generations atomically when a rebuild has caught up.
/// </summary>
internal sealed class ProjectionWorker(IProjection projection, ProjectionDatabase database, IEventStore store, string owner,
    ProjectionRunnerOptions options, ILogger logger)
{
    private readonly List<GenerationTrack> _tracks = [];
    private HashSet<long> _skipped = [];
    private long _activeGeneration;

    private string Name => projection.Name;

    /// <summary>Returns when <paramref name="ct"/> is cancelled (shutdown or lease lost), or with <paramref name="untilBuilt"/>
    /// once a rebuild has switched (or, for a projection new to the database, its first generation has caught up).</summary>
    public async Task RunAsync(CancellationToken ct, bool untilBuilt = false)
    {
        await TakeOverAsync(ct);
        try
        {
            var batch = new List<RecordedEvent>(options.BatchSize);
            var nextControl = DateTime.UtcNow;
            var rebuildPending = true;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var progressed = false;
                foreach (var track in _tracks.Where(t => t.Applies).ToList())
                {
                    batch.Clear();
                    track.Take(options.BatchSize, batch);
                    if (batch.Count == 0) continue;
                    await ApplyAsync(track, batch, ct);
                    progressed = true;
                }
                if (await SwitchIfCaughtUpAsync(ct) && untilBuilt) return;
                if (DateTime.UtcNow >= nextControl)
                {
                    rebuildPending = await AnswerRequestsAsync(ct);
                    nextControl = DateTime.UtcNow + options.ControlInterval;
                }
                if (untilBuilt && !rebuildPending && _tracks is [{ CaughtUp: true }]) return;
                if (!progressed) await WaitForWorkAsync(ct);
            }
        }
        finally
        {
            foreach (var track in _tracks) await track.StopAsync();
        }
    }

    /// <summary>Creates the first generation, claims the rows, and starts a rebuild when the deployed version differs from the active one.</summary>
    private async Task TakeOverAsync(CancellationToken ct)
    {
        var now = ProjectionDatabase.NowUs();
        await using (var connection = await database.OpenConnectionAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var row = await ProjectionCatalog.GetProjectionAsync(connection, Name, tx);
            if (row is null)
            {
                await connection.ExecuteAsync("INSERT INTO projections (name, active_generation, owner, owned_since_us) VALUES (@Name, 1, @owner, @now)",
                    new { Name, owner, now }, tx);
                await GenerationSchema.CreateAsync(connection, tx, database.Dialect, projection, 1, ProjectionStates.Running, now);
                await GenerationSchema.ActivateAsync(connection, tx, Name, null, (await ProjectionCatalog.GetCheckpointsAsync(connection, Name, tx))[0]);
            }
            else await connection.ExecuteAsync("UPDATE projections SET owner = @owner, owned_since_us = @now WHERE name = @Name", new { Name, owner, now }, tx);

            _activeGeneration = row?.ActiveGeneration ?? 1;
            var rows = await ProjectionCatalog.GetCheckpointsAsync(connection, Name, tx);
            var active = rows.Single(r => r.Generation == _activeGeneration);
            // At most one generation beside the active one: the newest, and only if it is of the deployed version.
            var next = rows.Where(r => r.Generation > _activeGeneration && r.Version == projection.Version).MaxBy(r => r.Generation);
            foreach (var stale in rows.Where(r => r != active && r != next)) await GenerationSchema.DropAsync(connection, tx, stale);
            if (active.Version != projection.Version)
            {
                // The deployed code cannot write the old schema: the old generation serves as it is until the new one is built.
                active.State = ProjectionStates.Superseded;
                if (next is null)
                    await GenerationSchema.CreateAsync(connection, tx, database.Dialect, projection, rows.Max(r => r.Generation) + 1, ProjectionStates.Rebuilding, now);
            }
            else if (active.State is ProjectionStates.Stopped or ProjectionStates.Superseded) active.State = ProjectionStates.Running;
            await connection.ExecuteAsync("UPDATE projection_checkpoints SET state = @State, updated_at_us = @now WHERE name = @Name AND generation = @Generation",
                new { active.State, now, active.Name, active.Generation }, tx);
            await connection.ExecuteAsync(
                "UPDATE projection_checkpoints SET state = @rebuilding, updated_at_us = @now WHERE name = @Name AND generation <> @active AND state = @stopped",
                new { rebuilding = ProjectionStates.Rebuilding, stopped = ProjectionStates.Stopped, now, Name, active = _activeGeneration }, tx);
            await tx.CommitAsync(ct);
        }
        await ReloadAsync(ct);
    }

    /// <summary>Reads the generations' rows and (re)starts their subscriptions from their checkpoints.</summary>
    private async Task ReloadAsync(CancellationToken ct)
    {
        foreach (var track in _tracks) await track.StopAsync();
        _tracks.Clear();
        await using var connection = await database.OpenConnectionAsync(ct);
        _activeGeneration = (await ProjectionCatalog.GetProjectionAsync(connection, Name))!.ActiveGeneration;
        foreach (var row in await ProjectionCatalog.GetCheckpointsAsync(connection, Name))
        {
            var track = new GenerationTrack(row);
            if (track.Applies) track.Start(store, ct);
            _tracks.Add(track);
        }
        _skipped = await ProjectionCatalog.GetSkippedPositionsAsync(connection, Name, projection.Version);
    }

    private async Task ApplyAsync(GenerationTrack track, List<RecordedEvent> events, CancellationToken ct)
    {
        try
        {
            await CommitAsync(track, events, ct);
        }
        catch (ProjectionHandlerException) when (events.Count > 1)
        {
            // Find the event at fault: apply one at a time, so that everything before it is kept.
            foreach (var e in events)
            {
                try { await CommitAsync(track, [e], ct); }
                catch (ProjectionHandlerException failure) { await FaultAsync(track, e, failure.InnerException!, ct); return; }
            }
        }
        catch (ProjectionHandlerException failure)
        {
            await FaultAsync(track, events[0], failure.InnerException!, ct);
        }
    }

    /// <summary>The rows and the checkpoint in one transaction. The checkpoint update comes first and is fenced by the
    /// position this worker read: if another process moved it, nothing of this batch is written.</summary>
    private async Task CommitAsync(GenerationTrack track, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var row = track.Row;
        var to = events[^1].Position;
        var now = ProjectionDatabase.NowUs();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var claimed = await connection.ExecuteAsync(
            "UPDATE projection_checkpoints SET position = @to, moved_at_us = @now, updated_at_us = @now " +
            "WHERE name = @Name AND generation = @Generation AND position = @Position AND state = @State",
            new { to, now, row.Name, row.Generation, row.Position, row.State }, tx);
        if (claimed != 1) throw new ProjectionLeaseLostException(Name);
        var handled = _skipped.Count == 0 ? events : events.Where(e => !_skipped.Contains(e.Position)).ToList();
        if (handled.Count > 0)
        {
            try
            {
                using var batch = new ProjectionBatch(handled, connection, tx, database.Dialect, (int)row.Generation);
                await projection.HandleAsync(batch, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                throw new ProjectionHandlerException(e);
            }
        }
        await tx.CommitAsync(CancellationToken.None);
        row.Position = to;
        row.MovedAtUs = now;
        database.NotifyCommitted();
    }

    private async Task FaultAsync(GenerationTrack track, RecordedEvent e, Exception error, CancellationToken ct)
    {
        var row = track.Row;
        logger.LogError(error, "Projection {Projection} (generation {Generation}) faulted at position {Position} ({EventType})", Name, row.Generation, e.Position, e.EventType);
        await track.StopAsync();
        await using var connection = await database.OpenConnectionAsync(ct);
        var marked = await connection.ExecuteAsync(
            "UPDATE projection_checkpoints SET state = @faulted, error = @error, faulted_position = @faultedAt, faulted_event_id = @id, updated_at_us = @now " +
            "WHERE name = @Name AND generation = @Generation AND position = @Position AND state = @State",
            new
            {
                faulted = ProjectionStates.Faulted, error = $"{e.EventType} at {e.Position}: {error.GetType().Name}: {error.Message}",
                faultedAt = e.Position, id = e.EventId.ToString(), now = ProjectionDatabase.NowUs(), row.Name, row.Generation, row.Position, row.State,
            });
        if (marked != 1) throw new ProjectionLeaseLostException(Name);
        row.State = ProjectionStates.Faulted;
    }

    /// <summary>A rebuilt generation becomes active once it has read the whole log and is not behind the active one.</summary>
    private async Task<bool> SwitchIfCaughtUpAsync(CancellationToken ct)
    {
        var active = _tracks.SingleOrDefault(t => t.Row.Generation == _activeGeneration);
        var next = _tracks.SingleOrDefault(t => t.Row.Generation > _activeGeneration);
        if (active is null || next is null || next.Row.State != ProjectionStates.Rebuilding || !next.CaughtUp) return false;
        if (active.Row.State == ProjectionStates.Running && next.Row.Position < active.Row.Position) return false;

        await using (var connection = await database.OpenConnectionAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            var claimed = await connection.ExecuteAsync(
                "UPDATE projection_checkpoints SET state = @running, updated_at_us = @now WHERE name = @Name AND generation = @Generation AND position = @Position AND state = @State",
                new { running = ProjectionStates.Running, now = ProjectionDatabase.NowUs(), next.Row.Name, next.Row.Generation, next.Row.Position, next.Row.State }, tx);
            if (claimed != 1) throw new ProjectionLeaseLostException(Name);
            await GenerationSchema.ActivateAsync(connection, tx, Name, active.Row, next.Row);
            await GenerationSchema.DropAsync(connection, tx, active.Row);
            await tx.CommitAsync(CancellationToken.None);
        }
        logger.LogInformation("Projection {Projection} switched to generation {Generation} at position {Position}", Name, next.Row.Generation, next.Row.Position);
        await active.StopAsync();
        _tracks.Remove(active);
        next.Row.State = ProjectionStates.Running;
        _activeGeneration = next.Row.Generation;
        database.NotifyCommitted();
        return true;
    }

    /// <summary>Operator requests arrive as rows (so they work across processes): a rebuild request, or a faulted
    /// generation set going again by retry or skip. Returns whether a rebuild request is still pending.</summary>
    private async Task<bool> AnswerRequestsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        var rows = await ProjectionCatalog.GetCheckpointsAsync(connection, Name);
        var resumed = _tracks.Any(t => t.Row.State == ProjectionStates.Faulted &&
            rows.Any(r => r.Generation == t.Row.Generation && r.State != ProjectionStates.Faulted));
        var request = await ProjectionCatalog.GetProjectionAsync(connection, Name);
        if (request?.RebuildRequestedAtUs is { } requestedAt)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            var taken = await connection.ExecuteAsync(
                "UPDATE projections SET rebuild_requested_at_us = NULL, rebuild_requested_by = NULL WHERE name = @Name AND rebuild_requested_at_us = @requestedAt",
                new { Name, requestedAt }, tx);
            // A rebuild already under way answers the request.
            if (taken == 1 && !_tracks.Any(t => t.Row.Generation > _activeGeneration))
            {
                logger.LogInformation("Projection {Projection}: rebuild requested by {By}", Name, request.RebuildRequestedBy);
                await GenerationSchema.CreateAsync(connection, tx, database.Dialect, projection, rows.Max(r => r.Generation) + 1,
                    ProjectionStates.Rebuilding, ProjectionDatabase.NowUs());
                resumed = true;
            }
            await tx.CommitAsync(ct);
            if (taken != 1) return true;
        }
        if (resumed) await ReloadAsync(ct);
        return false;
    }

    private async Task WaitForWorkAsync(CancellationToken ct)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var waits = _tracks.Where(t => t.Applies).Select(t => t.WaitAsync(waiting.Token)).Append(Task.Delay(options.ControlInterval, waiting.Token));
        await Task.WhenAny(waits);
        await waiting.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>After an orderly end, while still owning the projection, shows that nobody runs it now.</summary>
    public async Task MarkStoppedAsync()
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync();
            foreach (var track in _tracks.Where(t => t.Applies))
                await connection.ExecuteAsync(
                    "UPDATE projection_checkpoints SET state = @stopped, updated_at_us = @now WHERE name = @Name AND generation = @Generation AND position = @Position AND state = @State",
                    new { stopped = ProjectionStates.Stopped, now = ProjectionDatabase.NowUs(), track.Row.Name, track.Row.Generation, track.Row.Position, track.Row.State });
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Projection {Projection}: could not record the stop", Name);
        }
    }
}
