using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Registry.EventStore;

namespace Registry.Projections.Runtime;

/// <summary>
/// Runs projections in this process: for each, it takes the projection's lease (waiting in standby while another
/// process owns it), then feeds it until shutdown or until the lease is lost. Projections are independent: one that
/// faults or fails does not hold up the others.
/// </summary>
public sealed class ProjectionRunner(ProjectionDatabase database, IEventStore store, IReadOnlyList<IProjection> projections,
    ProjectionRunnerOptions? options = null, ILogger? logger = null)
{
    private readonly ProjectionRunnerOptions _options = options ?? new ProjectionRunnerOptions();
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Who this process is in <c>projections.owner</c> and in leases.</summary>
    public string OwnerId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    public Task RunAsync(CancellationToken ct) => Task.WhenAll(projections.Select(p => Task.Run(() => RunOneAsync(p, ct), CancellationToken.None)));

    /// <summary>Rebuilds one projection here: asks for the rebuild, then, if no other process owns the projection,
    /// does it in this process and returns once the new generation is active. Returns false when another process owns
    /// it (that process does the rebuild; follow it with <see cref="ProjectionStatusReader"/>).</summary>
    public async Task<bool> RebuildHereAsync(IProjection projection, string requestedBy, CancellationToken ct)
    {
        await ProjectionControl.RequestRebuildAsync(database, projection.Name, requestedBy, ct);
        await using var lease = CreateLease(projection.Name);
        if (!await lease.TryAcquireAsync(ct)) return false;
        using var owned = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
        var worker = new ProjectionWorker(projection, database, store, OwnerId, _options, _logger);
        try
        {
            await worker.RunAsync(owned.Token, untilBuilt: true);
        }
        finally
        {
            if (!lease.Lost.IsCancellationRequested) await worker.MarkStoppedAsync();
        }
        return true;
    }

    private async Task RunOneAsync(IProjection projection, CancellationToken ct)
    {
        await using var lease = CreateLease(projection.Name);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!await lease.TryAcquireAsync(ct))
                {
                    await Task.Delay(_options.ControlInterval, ct);
                    continue;
                }
                _logger.LogInformation("Projection {Projection}: owned by {Owner}", projection.Name, OwnerId);
                using var owned = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
                var worker = new ProjectionWorker(projection, database, store, OwnerId, _options, _logger);
                try
                {
                    await worker.RunAsync(owned.Token);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested && !lease.Lost.IsCancellationRequested)
                {
                    await worker.MarkStoppedAsync();
                    break;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
            catch (Exception e) when (e is OperationCanceledException or ProjectionLeaseLostException)
            {
                _logger.LogWarning("Projection {Projection}: ownership lost", projection.Name);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Projection {Projection}: runtime failure, trying again", projection.Name);
                await lease.ReleaseAsync();
                try { await Task.Delay(_options.RetryAfterFailure, ct); } catch (OperationCanceledException) { break; }
            }
        }
        await lease.ReleaseAsync();
    }

    private IProjectionLease CreateLease(string projection) => database.Dialect == SqlDialect.Postgres
        ? new PostgresAdvisoryLease(database.ConnectionString, projection)
        : new SqliteLeaseRow(database, projection, OwnerId);
}
