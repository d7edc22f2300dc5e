using System.Data.Common;
using System.Diagnostics;
using Registry.EventStore;
using Registry.Projections.Runtime;

namespace Registry.Projections.Rebuild;

/// <summary>
/// One connection of an offline rebuild and the projections it writes for the current page, in one transaction per
/// page. On PostgreSQL a rebuild writes on one lane per core: each connection is served by its own server process,
/// and while one lane waits for the server the other prepares its rows. A projection stays on one lane for a whole
/// page (its later statements must see its earlier ones); between pages, once committed, it may move to another.
/// </summary>
internal sealed class RebuildLane(DbConnection connection, SqlDialect dialect, int generation)
{
    private DbTransaction? _transaction;

    public DbConnection Connection { get; } = connection;

    /// <summary>The indexes of the projections this lane writes during the current page.</summary>
    public List<int> Projections { get; } = [];

    /// <summary>Hands the events to each of the lane's projections, adding the time each took to <paramref name="spent"/>
    /// (one slot per projection, so that lanes never write the same slot).</summary>
    public async Task ApplyAsync(IReadOnlyList<IProjection> projections, KnownEntities[] known, List<RecordedEvent> events, DecodedEvents decoded,
        long[] spent, CancellationToken ct)
    {
        _transaction ??= await Connection.BeginTransactionAsync(ct);
        foreach (var p in Projections)
        {
            var started = Stopwatch.GetTimestamp();
            using var batch = new ProjectionBatch(events, Connection, _transaction, dialect, generation, known[p], decoded);
            await projections[p].HandleAsync(batch, ct);
            spent[p] += Stopwatch.GetTimestamp() - started;
        }
    }

    /// <summary>
    /// Writes its share of the versions still open after the last event (<paramref name="held"/>, per projection, in
    /// the order of their keys), in its transaction: the lanes write one contiguous part of each projection's versions
    /// each. The versions are independent rows and need no read, so every lane takes part, whichever projection holds most.
    /// </summary>
    public async Task WriteOpenVersionsAsync(IReadOnlyList<List<HeldVersion>> held, int share, int shares, CancellationToken ct)
    {
        _transaction ??= await Connection.BeginTransactionAsync(ct);
        foreach (var versions in held)
        {
            var from = versions.Count * share / shares;
            var to = versions.Count * (share + 1) / shares;
            if (from == to) continue;
            using var batch = new ProjectionBatch([], Connection, _transaction, dialect, generation);
            for (var i = from; i < to; i++) await versions[i](batch, null);
            await batch.Statements.FlushAsync();
        }
    }

    /// <summary>Commits what the lane wrote since its last commit, if anything.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        if (_transaction is null) return;
        await _transaction.CommitAsync(ct);
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    /// <summary>Drops an uncommitted transaction (after a failure).</summary>
    public async Task AbandonAsync()
    {
        if (_transaction is null) return;
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    /// <summary>
    /// Shares the projections out among the lanes by the time each has taken so far, longest first, each to the lane
    /// with the least (at the start, when nothing is measured, in turn).
    /// </summary>
    public static void Assign(IReadOnlyList<RebuildLane> lanes, long[] spent)
    {
        var load = new long[lanes.Count];
        foreach (var lane in lanes) lane.Projections.Clear();
        foreach (var p in Enumerable.Range(0, spent.Length).OrderByDescending(p => spent[p]).ThenBy(p => p))
        {
            var least = Array.IndexOf(load, load.Min());
            lanes[least].Projections.Add(p);
            load[least] += Math.Max(spent[p], 1);
        }
    }
}
