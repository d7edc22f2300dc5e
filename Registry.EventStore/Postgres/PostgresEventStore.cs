using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Registry.EventStore.Appending;
using Registry.EventStore.Schema;

namespace Registry.EventStore.Postgres;

/// <summary>
/// The server event log on PostgreSQL.
/// <para>
/// Why no reader ever skips an event: sequences are not transactional, so a log that numbers events from a sequence
/// lets transaction B (position 6) commit before A (position 5), and a reader that saw 6 never sees 5 (Marten 2370,
/// Eventuous 222, SqlStreamStore 121). Here every appending transaction first takes the row lock on
/// <c>log_head</c> (<c>SELECT … FOR UPDATE</c>, or the guarded <c>UPDATE</c> of <c>append_planned</c>), numbers its
/// events from that head, and advances the head in the same transaction. The next writer waits on that lock until the first has committed, and PostgreSQL makes a
/// commit visible before it releases the transaction's locks, so positions are assigned in commit order: when a
/// reader sees position n, every position below n is already visible. Positions are also contiguous (no sequence
/// numbers burnt by rollbacks). The cost, one writer at a time, is what the group commit pays back: concurrent
/// appends of this process share one transaction and one fsync.
/// </para>
/// </summary>
public sealed class PostgresEventStore : SqlEventStore
{
    public const string Channel = "registry_events";
    // Binary COPY costs two extra round trips and beat INSERTs only for batches of about 1,000 rows when measured on
    // the 2-core reference machine; below this, the INSERTs ride in the round trip that commits.
    private const int InsertByCopyAbove = 500;
    /// <summary>
    /// Planned batches committing at once. The head lock is held from a batch's first statement until its commit is
    /// durable, one batch after another; with the next batches already waiting on the server, the lock passes to the
    /// next as soon as one commits, instead of after a round trip to this process and back. Measured on 2 cores with
    /// single-event appends from 8 writers: 2 and 3 about equal, both well above 1 (BENCHMARKS.md).
    /// </summary>
    private const int BatchesInFlight = 3;
    private readonly NpgsqlDataSource _dataSource;
    // One connection on which planned batches are pipelined (Npgsql's multiplexing): sent in the order they were
    // planned, each runs as soon as the one before it has committed, without waiting for this process to read its answer.
    private readonly NpgsqlDataSource _planned;
    private readonly Appending.AsyncSignal _committed = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _listener;

    private static readonly Dictionary<Guid, StoredEventKey> NoEventsKnown = [];
    // What this process committed last, or will have once the batches in flight commit; null when another writer may
    // have moved the head since. Only the committer (the group-commit queue's loop) reads and writes it.
    private KnownHead? _known;
    // Set by a batch in flight whose assumptions failed: the batches planned after it assumed it, so the committer
    // forgets what it knows and reads under the lock again.
    private int _assumptionsFailed;
    // The planned batches the committer sent that may still be committing.
    private readonly List<Task> _inFlight = [];

    private PostgresEventStore(NpgsqlDataSource dataSource, NpgsqlDataSource planned, AppendLimits limits) : base(limits, BatchesInFlight)
    {
        _dataSource = dataSource;
        _planned = planned;
        _listener = Task.Run(ListenAsync);
    }

    /// <summary>Connects, and creates or upgrades the schema from the numbered scripts.</summary>
    public static async Task<PostgresEventStore> OpenAsync(string connectionString, AppendLimits? limits = null, CancellationToken ct = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // The same few statements run for every group commit: let Npgsql prepare them, unless told otherwise.
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 32;
        var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            await SchemaMigrator.ApplyAsync(connection, SchemaMigrator.LoadScripts(typeof(PostgresEventStore).Assembly, "Registry.EventStore.Postgres.Scripts"),
                "event_log_migrations", "SELECT pg_advisory_xact_lock(845001)", ct);
        }
        var planned = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Multiplexing = true, MaxPoolSize = 1, MinPoolSize = 0 };
        return new PostgresEventStore(dataSource, NpgsqlDataSource.Create(planned.ConnectionString), limits ?? AppendLimits.Default);
    }

    protected override DbConnection CreateConnection() => _dataSource.CreateConnection();

    /// <summary>
    /// A group commit takes one round trip when this process was the last to write: the batch is planned against the
    /// head as it will be once the batches before it have committed, and the stream revisions this process knows (or,
    /// for a stream it has not seen, the revision the append expects), and <c>append_planned</c> checks those
    /// assumptions under the head lock as it writes. The next batch is planned on top of this one while it commits
    /// (<see cref="BatchesInFlight"/>). When an assumption fails (another process wrote, a retried event id, a stream
    /// longer or shorter than assumed, or a batch before it failed) nothing is written and the batch is committed
    /// again the careful way, reading under the lock; so is a batch that cannot be planned.
    /// </summary>
    private protected override async Task<Task> CommitBatchAsync(IReadOnlyList<PendingAppend> batch)
    {
        _inFlight.RemoveAll(t => t.IsCompleted);
        if (Volatile.Read(ref _assumptionsFailed) == 1)
        {
            // The batches planned on the failed one fail too; once they are all done (committed the careful way),
            // the head is read again.
            await DrainAsync();
            Volatile.Write(ref _assumptionsFailed, 0);
            _known = null;
        }
        if (_known is { } known && Plan(known, batch) is ({ } plan, { } assumed))
        {
            var from = known.Head;
            _known = known.Advance(plan, assumed);
            var committing = CommitPlannedAsync(from, plan, assumed, batch);
            _inFlight.Add(committing);
            return committing;
        }
        // What the careful commit reads under the lock is the whole truth only with nothing else of ours in flight.
        await DrainAsync();
        _known = null;
        var (careful, revisions) = await CommitUnderLockAsync(batch);
        _known = KnownHead.Read(careful, revisions);
        Answer(careful);
        return Task.CompletedTask;
    }

    /// <summary>Waits for the batches in flight; their failures are their appends' to report.</summary>
    private async Task DrainAsync()
    {
        try { await Task.WhenAll(_inFlight); }
        catch (Exception) { }
        _inFlight.Clear();
    }

    private void Answer(BatchPlan plan)
    {
        Complete(plan);
        if (plan.Rows.Count > 0) _committed.Fire();
    }

    /// <summary>The batch planned on the known head, with the revisions it assumes; null when it must be read under the lock.</summary>
    private static (BatchPlan, Dictionary<string, long>)? Plan(KnownHead known, IReadOnlyList<PendingAppend> batch)
    {
        var assumed = known.Assume(batch);
        if (assumed is null) return null;
        var plan = BatchPlanner.Plan(known.Head, batch, assumed.Where(a => a.Value >= 0).ToDictionary(), NoEventsKnown, DateTimeOffset.UtcNow);
        // A refusal might really be the retry of an append already recorded: only a read of its ids can tell.
        if (plan.Outcomes.Any(o => o.Error is not null)) return null;
        return (plan, assumed);
    }

    private async Task CommitPlannedAsync(LogHead from, BatchPlan plan, Dictionary<string, long> assumed, IReadOnlyList<PendingAppend> batch)
    {
        try
        {
            await using var cmd = _planned.CreateCommand("SELECT append_planned($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)");
            cmd.Parameters.Add(new NpgsqlParameter { Value = from.Position });
            cmd.Parameters.Add(new NpgsqlParameter { Value = from.Hash });
            cmd.Parameters.Add(new NpgsqlParameter { Value = plan.Head.Position });
            cmd.Parameters.Add(new NpgsqlParameter { Value = plan.Head.Hash });
            cmd.Parameters.Add(new NpgsqlParameter { Value = plan.Head.RecordedMicroseconds });
            cmd.Parameters.Add(new NpgsqlParameter { Value = assumed.Keys.ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter { Value = assumed.Values.ToArray() });
            foreach (var column in RowColumns(plan.Rows)) cmd.Parameters.Add(column);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState is "RG001" or "RG002" or PostgresErrorCodes.UniqueViolation)
        {
            Volatile.Write(ref _assumptionsFailed, 1);
            // Nothing was written. The committer may be planning on top of this batch meanwhile: it waits for this
            // careful commit before it reads the head again.
            Answer((await CommitUnderLockAsync(batch)).Plan);
            return;
        }
        catch
        {
            Volatile.Write(ref _assumptionsFailed, 1); // committed or not, the careful path finds out
            throw;
        }
        Answer(plan);
    }

    /// <summary>
    /// The careful group commit, in two round trips: (1) BEGIN, lock the head, read the streams' revisions and the
    /// known event ids; (2) insert, advance the head, notify and COMMIT. BEGIN and COMMIT are plain statements in those
    /// batches (not an NpgsqlTransaction, which would cost a third round trip for its COMMIT); the append is
    /// acknowledged only once COMMIT has returned, i.e. once it is durable.
    /// </summary>
    private async Task<(BatchPlan Plan, Dictionary<string, long> Revisions)> CommitUnderLockAsync(IReadOnlyList<PendingAppend> batch)
    {
        BatchPlan plan;
        var revisions = new Dictionary<string, long>();
        await using var connection = await _dataSource.OpenConnectionAsync();
        try
        {
            var head = LogHead.Empty;
            var existing = new Dictionary<Guid, StoredEventKey>();
            await using (var reads = new NpgsqlBatch(connection))
            {
                reads.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
                reads.BatchCommands.Add(new NpgsqlBatchCommand("SELECT position, hash, recorded_us FROM log_head WHERE id = 1 FOR UPDATE"));
                // One backward index probe per stream: max(…) GROUP BY would read every event of each stream.
                var streams = new NpgsqlBatchCommand(
                    "SELECT s.name, (SELECT e.stream_revision FROM events e WHERE e.stream_name = s.name ORDER BY e.stream_revision DESC LIMIT 1) " +
                    "FROM unnest($1::text[]) AS s(name)");
                streams.Parameters.Add(new NpgsqlParameter { Value = batch.SelectMany(a => a.Streams).Distinct().ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                reads.BatchCommands.Add(streams);
                var ids = new NpgsqlBatchCommand("SELECT event_id, stream_name, stream_revision, position, event_type, data, metadata FROM events WHERE event_id = ANY($1)");
                ids.Parameters.Add(new NpgsqlParameter { Value = batch.SelectMany(a => a.Events).Select(e => e.EventId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
                reads.BatchCommands.Add(ids);
                await using var r = await reads.ExecuteReaderAsync();
                while (r.FieldCount == 0) await r.NextResultAsync(); // BEGIN returns no rows
                await r.ReadAsync();
                head = new LogHead(r.GetInt64(0), (byte[])r[1], r.GetInt64(2));
                await r.NextResultAsync();
                while (await r.ReadAsync())
                    if (!r.IsDBNull(1)) revisions[r.GetString(0)] = r.GetInt64(1);
                await r.NextResultAsync();
                while (await r.ReadAsync())
                    existing[r.GetGuid(0)] = new StoredEventKey(r.GetGuid(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetString(4), (byte[])r[5], (byte[])r[6]);
            }

            plan = BatchPlanner.Plan(head, batch, revisions, existing, DateTimeOffset.UtcNow);
            await using var writes = new NpgsqlBatch(connection);
            if (plan.Rows.Count > 0)
            {
                if (plan.Rows.Count > InsertByCopyAbove) await CopyRows(connection, plan.Rows);
                else writes.BatchCommands.Add(InsertRows(plan.Rows));
                var update = new NpgsqlBatchCommand("UPDATE log_head SET position = $1, hash = $2, recorded_us = $3 WHERE id = 1");
                update.Parameters.Add(new NpgsqlParameter { Value = plan.Head.Position });
                update.Parameters.Add(new NpgsqlParameter { Value = plan.Head.Hash });
                update.Parameters.Add(new NpgsqlParameter { Value = plan.Head.RecordedMicroseconds });
                writes.BatchCommands.Add(update);
                // Delivered to listeners only when (and if) the transaction commits.
                var notify = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
                notify.Parameters.Add(new NpgsqlParameter { Value = Channel });
                notify.Parameters.Add(new NpgsqlParameter { Value = plan.Head.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                writes.BatchCommands.Add(notify);
            }
            writes.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await writes.ExecuteNonQueryAsync();
        }
        catch
        {
            await RollBackQuietly(connection);
            throw;
        }
        return (plan, revisions);
    }

    /// <summary>Ends a failed transaction before the connection goes back to the pool; the original error is what matters.</summary>
    private static async Task RollBackQuietly(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open) return;
        try
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // A broken connection is discarded by the pool; PostgreSQL rolls the transaction back itself.
        }
    }

    /// <summary>All of a batch's rows in one statement (arrays unnested): one parse and one plan however many rows.</summary>
    private static NpgsqlBatchCommand InsertRows(List<NewEventRow> rows)
    {
        var cmd = new NpgsqlBatchCommand(
            "INSERT INTO events (position, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_us, hash) " +
            "SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::uuid[], $5::text[], $6::bytea[], $7::bytea[], $8::bigint[], $9::bytea[])");
        foreach (var column in RowColumns(rows)) cmd.Parameters.Add(column);
        return cmd;
    }

    /// <summary>The rows as nine arrays, one per column of <c>events</c>, in table order.</summary>
    private static IEnumerable<NpgsqlParameter> RowColumns(List<NewEventRow> rows)
    {
        yield return new NpgsqlParameter { Value = rows.Select(r => r.Position).ToArray() };
        yield return new NpgsqlParameter { Value = rows.Select(r => r.Stream).ToArray() };
        yield return new NpgsqlParameter { Value = rows.Select(r => r.Revision).ToArray() };
        yield return new NpgsqlParameter { Value = rows.Select(r => r.EventId).ToArray() };
        yield return new NpgsqlParameter { Value = rows.Select(r => r.EventType).ToArray() };
        yield return new NpgsqlParameter { Value = rows.Select(r => r.Data).ToArray() };
        yield return new NpgsqlParameter { Value = rows.Select(r => r.Metadata).ToArray() };
        yield return new NpgsqlParameter { Value = rows.Select(r => r.RecordedMicroseconds).ToArray() };
        yield return new NpgsqlParameter { Value = rows.Select(r => r.Hash).ToArray() };
    }

    private static async Task CopyRows(NpgsqlConnection connection, List<NewEventRow> rows)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY events (position, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_us, hash) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(row.Position, NpgsqlDbType.Bigint);
            await importer.WriteAsync(row.Stream, NpgsqlDbType.Text);
            await importer.WriteAsync(row.Revision, NpgsqlDbType.Bigint);
            await importer.WriteAsync(row.EventId, NpgsqlDbType.Uuid);
            await importer.WriteAsync(row.EventType, NpgsqlDbType.Text);
            await importer.WriteAsync(row.Data, NpgsqlDbType.Bytea);
            await importer.WriteAsync(row.Metadata, NpgsqlDbType.Bytea);
            await importer.WriteAsync(row.RecordedMicroseconds, NpgsqlDbType.Bigint);
            await importer.WriteAsync(row.Hash, NpgsqlDbType.Bytea);
        }
        await importer.CompleteAsync();
    }

    public override async Task WaitForEventsAfterAsync(long afterPosition, CancellationToken ct)
    {
        // The signal is taken before the head is read, so a notification in between is not lost. The timeout only
        // covers a listener connection that is being re-established.
        var signal = _committed.Current;
        if (await GetHeadPositionAsync(ct) > afterPosition) return;
        try { await signal.WaitAsync(TimeSpan.FromSeconds(5), ct); }
        catch (TimeoutException) { }
    }

    /// <summary>LISTEN on a dedicated connection: commits by any process wake this process's subscribers.</summary>
    private async Task ListenAsync()
    {
        var ct = _stopping.Token;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(ct);
                connection.Notification += (_, _) => _committed.Fire();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(ct);
                _committed.Fire(); // anything committed while not listening
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception)
            {
                try { await Task.Delay(TimeSpan.FromSeconds(1), ct); } catch (OperationCanceledException) { return; }
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _stopping.CancelAsync();
        await _listener;
        await _planned.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
