using System.Data.Common;
using System.Threading.Channels;
using Registry.EventStore;
using Registry.Projections.Runtime;

namespace Registry.Projections.Rebuild;

/// <summary>
/// Builds projections from scratch in one pass over the log: creates a generation's tables and points the stable
/// views at them, then reads <c>$all</c> once, hands it in chunks to every projection and commits once per page
/// (on PostgreSQL, on one connection per core, see <see cref="RebuildLane"/>).
/// What it knows of entities lasts the whole rebuild, the rows of a versioned entity's open version wait in memory to
/// be written once, closed (or open after the last event), and the indexes only queries use are built after the last
/// event. For benchmarks, replays and tests; the live runner (checkpoints, faults, leases) is the projection runtime's.
/// </summary>
public sealed class OfflineRebuilder(IEventStore store, Func<DbConnection> connect, SqlDialect dialect)
{
    /// <summary>
    /// Events per transaction (rounded up to whole chunks when larger than one). Each commit writes every page the transaction dirtied, and the stream and current-version
    /// indexes take their rows in random order, so nearly every index page is dirtied again by each transaction: fewer,
    /// larger transactions write far less (on SQLite a quarter of the bytes and of the system time at 50,000 rather
    /// than 5,000 events, for one million).
    /// </summary>
    public int PageSize { get; init; } = 50_000;

    /// <summary>Events read and decoded ahead at a time, and handed to the projections together (at most a page).</summary>
    private const int ChunkSize = 5000;

    /// <summary>Called with each phase's name as it ends: the load of every event, the open versions written after it,
    /// the query indexes (on PostgreSQL the tables' finishing); <c>bench rebuild</c> reports their durations.</summary>
    public Action<string>? PhaseDone { get; init; }

    /// <summary>The SQLite page cache of the rebuilding connection, in KiB.</summary>
    public int CacheKib { get; init; } = 256 * 1024;

    /// <summary>Rebuilds into <paramref name="generation"/> up to the head; returns the last position applied.</summary>
    public async Task<long> RebuildAsync(IReadOnlyList<IProjection> projections, int generation, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        await using var connection = connect();
        await connection.OpenAsync(ct);
        // SQLite's default page cache (2 MB) makes a rebuild re-read index pages from the OS for every row.
        if (dialect == SqlDialect.Sqlite) await ExecuteAsync(connection, null, $"PRAGMA cache_size = -{CacheKib}", ct);
        // In WAL mode, synchronous=NORMAL leaves out the fsync at each page's commit: a power cut may lose the last pages
        // committed, never corrupt the file, and a rebuild cut short is started over anyway. The log's own commits keep
        // their fsync (synchronous is per connection, and theirs syncs the WAL up to their commit). Set back afterwards:
        // the connection returns to a pool the log shares.
        if (dialect == SqlDialect.Sqlite) await ExecuteAsync(connection, null, "PRAGMA synchronous = NORMAL", ct);
        try
        {
            return await RebuildPagesAsync(connection, projections, generation, progress, ct);
        }
        finally
        {
            if (dialect == SqlDialect.Sqlite) await ExecuteAsync(connection, null, "PRAGMA synchronous = FULL", CancellationToken.None);
        }
    }

    private async Task<long> RebuildPagesAsync(DbConnection connection, IReadOnlyList<IProjection> projections, int generation, IProgress<long>? progress,
        CancellationToken ct)
    {
        await CreateAsync(connection, projections, generation, queryIndexes: false, ct);
        var head = await store.GetHeadPositionAsync(ct);
        var last = 0L;
        // The rebuild is the only writer of its generation, so what a projection knew of its entities at the end of a
        // page still holds at the next: kept for the whole rebuild, it spares a SELECT per entity and page.
        // It also holds the rows of open versions, to write each row once with its valid_to.
        var known = projections.Select(_ => new KnownEntities(holdOpenRows: true)).ToArray();
        var spent = new long[projections.Count];
        var lanes = new List<RebuildLane> { new(connection, dialect, generation) };
        var others = new List<DbConnection>();
        try
        {
            // SQLite takes one writer at a time.
            for (var i = 1; i < (dialect == SqlDialect.Postgres ? Math.Min(Environment.ProcessorCount, projections.Count) : 1); i++)
            {
                var other = connect();
                others.Add(other);
                await other.OpenAsync(ct);
                lanes.Add(new RebuildLane(other, dialect, generation));
            }
            RebuildLane.Assign(lanes, spent);
            // Reading and decoding the next chunks on another core while this one is written.
            var chunks = Channel.CreateBounded<(List<RecordedEvent> Events, DecodedEvents Decoded)>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var reading = Task.Run(() => ReadChunksAsync(head, Math.Min(ChunkSize, PageSize), chunks.Writer, stop.Token), stop.Token);
            try
            {
                var inPage = 0;
                await foreach (var (events, decoded) in chunks.Reader.ReadAllAsync(ct))
                {
                    await EachLaneAsync(lanes, lane => lane.ApplyAsync(projections, known, events, decoded, spent, ct));
                    last = events[^1].Position;
                    inPage += events.Count;
                    if (inPage < PageSize) continue;
                    await EachLaneAsync(lanes, lane => lane.CommitAsync(ct));
                    RebuildLane.Assign(lanes, spent);
                    inPage = 0;
                    progress?.Report(last);
                }
                PhaseDone?.Invoke("load");
                // The versions still open after the last event, held until now.
                var held = known.Select(k => k.TakeHeld()).ToList();
                await EachLaneAsync(lanes, lane => lane.WriteOpenVersionsAsync(held, lanes.IndexOf(lane), lanes.Count, ct));
                await EachLaneAsync(lanes, lane => lane.CommitAsync(ct));
                PhaseDone?.Invoke("open versions");
            }
            finally
            {
                await stop.CancelAsync();
                try { await reading; }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            }
        }
        finally
        {
            foreach (var lane in lanes) await lane.AbandonAsync();
            foreach (var other in others) await other.DisposeAsync();
        }
        await CreateQueryIndexesAsync(connection, projections, generation, ct);
        PhaseDone?.Invoke("query indexes");
        return last;
    }

    /// <summary>Runs <paramref name="work"/> on every lane at once and waits for all.</summary>
    private static Task EachLaneAsync(List<RebuildLane> lanes, Func<RebuildLane, Task> work) =>
        lanes.Count == 1 ? work(lanes[0]) : Task.WhenAll(lanes.Select(lane => Task.Run(() => work(lane))));

    private async Task ReadChunksAsync(long head, int size, ChannelWriter<(List<RecordedEvent>, DecodedEvents)> chunks, CancellationToken ct)
    {
        try
        {
            // The corrections' histories are read on a connection of their own, so that neither the log's reading
            // nor the writer waits for them.
            await using var log = connect();
            await log.OpenAsync(ct);
            var chunk = new List<RecordedEvent>(size);
            await foreach (var e in store.ReadAllAsync(Direction.Forwards, 1, head, ct: ct))
            {
                chunk.Add(e);
                if (chunk.Count < size) continue;
                await chunks.WriteAsync(await DecodeAsync(chunk, log, ct), ct);
                chunk = new List<RecordedEvent>(size);
            }
            if (chunk.Count > 0) await chunks.WriteAsync(await DecodeAsync(chunk, log, ct), ct);
            chunks.Complete();
        }
        catch (Exception e)
        {
            chunks.Complete(e);
            throw;
        }
    }

    private async Task<(List<RecordedEvent>, DecodedEvents)> DecodeAsync(List<RecordedEvent> chunk, DbConnection log, CancellationToken ct)
    {
        var decoded = new DecodedEvents(chunk);
        decoded.DecodeAll();
        await decoded.ReadHistoriesAsync(log, dialect, ct);
        return (chunk, decoded);
    }

    /// <summary>
    /// The indexes only queries use, built once from the loaded rows rather than updated row by row during the load.
    /// On PostgreSQL each table is first made logged (written to the WAL whole, see <see cref="Unlogged"/>), and then
    /// analyzed: until autovacuum gets to them the planner would take a table of a million rows for an empty one
    /// (measured: a common word's search read and sorted 7,143 rows instead of walking the name index, 29 ms against 2 ms). SQLite's query plans here were chosen and checked without statistics.
    /// </summary>
    private Task CreateQueryIndexesAsync(DbConnection connection, IReadOnlyList<IProjection> projections, int generation, CancellationToken ct) =>
        dialect == SqlDialect.Postgres
            ? FinishPostgresTablesAsync(projections, generation, ct)
            : CreateSqliteQueryIndexesAsync(connection, projections, generation, ct);

    private async Task CreateSqliteQueryIndexesAsync(DbConnection connection, IReadOnlyList<IProjection> projections, int generation, CancellationToken ct)
    {
        // SQLite sorts each index's entries in runs as large as the page cache and merges them; with a small cache
        // and worker threads the runs are sorted on every core (measured on the startups' word index, 3.4 million
        // entries: 4.4 s with the load's 256 MB cache and no worker threads, 2.4 s with 8 MB and two).
        await ExecuteAsync(connection, null, "PRAGMA cache_size = -8192", ct);
        await ExecuteAsync(connection, null, $"PRAGMA threads = {Math.Min(Environment.ProcessorCount, 8)}", ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            foreach (var projection in projections)
            foreach (var ddl in projection.QueryIndexes(dialect, t => ProjectionBatch.TableName(t, generation)))
                await ExecuteAsync(connection, tx, ddl, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await ExecuteAsync(connection, null, "PRAGMA threads = 0", CancellationToken.None);
        }
    }

    /// <summary>
    /// On PostgreSQL each table is finished on its own (made logged, indexed, analyzed, vacuumed), the tables shared out
    /// largest first among one connection per core: one table's work runs on one server process, and single-threaded
    /// the finishing took a fifth of a rebuild (18 s of 67 for a million events). Vacuuming marks the pages
    /// all-visible: until then an index-only scan reads the table row of every entry (measured: a dashboard's startup
    /// count read 1,165 pages instead of 30).
    /// </summary>
    private async Task FinishPostgresTablesAsync(IReadOnlyList<IProjection> projections, int generation, CancellationToken ct)
    {
        var tables = projections.SelectMany(p => p.Tables.Select(t => ProjectionBatch.TableName(t, generation))).ToList();
        var ddls = projections.SelectMany(p => p.QueryIndexes(dialect, t => ProjectionBatch.TableName(t, generation))).ToList();
        // What is not an index of one table (the trigram extension) comes first, as it did in one transaction.
        var indexes = ddls.Where(ddl => IndexedTable(ddl) is not null).ToLookup(ddl => IndexedTable(ddl)!);
        if (indexes.FirstOrDefault(i => !tables.Contains(i.Key)) is { } stray)
            throw new InvalidOperationException($"An index of {stray.Key}, which is none of the projections' tables: {stray.First()}");
        var sizes = new Dictionary<string, long>();
        await using (var connection = connect())
        {
            await connection.OpenAsync(ct);
            foreach (var ddl in ddls.Where(ddl => IndexedTable(ddl) is null)) await ExecuteAsync(connection, null, ddl, ct);
            foreach (var table in tables)
            {
                await using var size = connection.CreateCommand();
                size.CommandText = $"SELECT pg_relation_size('{table}')";
                sizes[table] = Convert.ToInt64(await size.ExecuteScalarAsync(ct));
            }
        }
        var largestFirst = tables.OrderByDescending(t => sizes[t]).ToList();
        await EachOnAConnectionPerCoreAsync(largestFirst, async (connection, table) =>
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await ExecuteAsync(connection, tx, $"ALTER TABLE {table} SET LOGGED", ct);
            foreach (var ddl in indexes[table]) await ExecuteAsync(connection, tx, ddl, ct);
            await ExecuteAsync(connection, tx, $"ANALYZE {table}", ct);
            await tx.CommitAsync(ct);
        }, ct);
        // Only once every table is finished: making a table logged writes its rows anew in that transaction, and a
        // page is marked all-visible only when no transaction older than its rows is still running (measured: vacuumed
        // while the other connection was still finishing, every table but the last kept no page all-visible, and the
        // dashboard's p95 doubled).
        await EachOnAConnectionPerCoreAsync(largestFirst, (connection, table) => ExecuteAsync(connection, null, $"VACUUM {table}", ct), ct);
    }

    /// <summary>Runs <paramref name="work"/> for each table, in order, on one connection per core (each table on one).</summary>
    private async Task EachOnAConnectionPerCoreAsync(IReadOnlyList<string> tables, Func<DbConnection, string, Task> work, CancellationToken ct)
    {
        var queue = new System.Collections.Concurrent.ConcurrentQueue<string>(tables);
        await Task.WhenAll(Enumerable.Range(0, Math.Min(Environment.ProcessorCount, tables.Count)).Select(_ => Task.Run(async () =>
        {
            await using var connection = connect();
            await connection.OpenAsync(ct);
            // The sorts of an index build, and a GIN index's pending entries, in memory rather than in temporary files.
            await ExecuteAsync(connection, null, "SET maintenance_work_mem = '256MB'", ct);
            while (queue.TryDequeue(out var table)) await work(connection, table);
        }, ct)));
    }

    /// <summary>The table a <c>CREATE INDEX … ON table …</c> statement indexes; null for another statement.</summary>
    private static string? IndexedTable(string ddl) =>
        System.Text.RegularExpressions.Regex.Match(ddl, @"^\s*CREATE\s+(UNIQUE\s+)?INDEX\s+\w+\s+ON\s+(\w+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } m
            ? m.Groups[2].Value
            : null;

    /// <summary>Creates the generation's tables with all their indexes and (re)points each table's view at them.</summary>
    public Task CreateAsync(DbConnection connection, IReadOnlyList<IProjection> projections, int generation, CancellationToken ct) =>
        CreateAsync(connection, projections, generation, queryIndexes: true, ct);

    private async Task CreateAsync(DbConnection connection, IReadOnlyList<IProjection> projections, int generation, bool queryIndexes, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var projection in projections)
        {
            Func<string, string> physical = t => ProjectionBatch.TableName(t, generation);
            foreach (var ddl in queryIndexes ? projection.Schema(dialect, physical).Concat(projection.QueryIndexes(dialect, physical)) : projection.Schema(dialect, physical))
                await ExecuteAsync(connection, tx, queryIndexes ? ddl : Unlogged(ddl), ct);
            foreach (var table in projection.Tables)
            {
                await ExecuteAsync(connection, tx, $"DROP VIEW IF EXISTS {table}", ct);
                await ExecuteAsync(connection, tx, $"CREATE VIEW {table} AS SELECT * FROM {ProjectionBatch.TableName(table, generation)}", ct);
            }
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// On PostgreSQL the rebuild loads unlogged tables and makes them logged once loaded (<see cref="CreateQueryIndexesAsync"/>):
    /// every row and index entry written one by one otherwise goes through the WAL too, with a full page image after each
    /// checkpoint, and the load spends more on the WAL than on the tables. A server crash empties an unlogged table; a
    /// rebuild cut short is started over anyway.
    /// </summary>
    private string Unlogged(string ddl) => dialect == SqlDialect.Postgres && ddl.TrimStart().StartsWith("CREATE TABLE ", StringComparison.Ordinal)
        ? "CREATE UNLOGGED TABLE " + ddl.TrimStart()["CREATE TABLE ".Length..]
        : ddl;

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
