using System.Data.Common;
using Microsoft.Data.Sqlite;
using Registry.EventStore.Appending;
using Registry.EventStore.Schema;

namespace Registry.EventStore.Sqlite;

/// <summary>
/// The embedded event log: one SQLite file in WAL mode. SQLite has a single writer, and every append runs in a
/// <c>BEGIN IMMEDIATE</c> transaction that reads and advances <c>log_head</c>, so positions are assigned in commit
/// order and a reader can never see position n+1 before n. <c>synchronous=FULL</c>: an append is acknowledged only
/// once its commit is on disk; the group commit shares that fsync among concurrent appends.
/// </summary>
public sealed class SqliteEventStore : SqlEventStore
{
    private readonly string _connectionString;
    private readonly AsyncSignal _committed = new();
    private readonly SqliteConnection _writer;
    private readonly EventInsert _insert;
    private readonly WriterStatements _statements;

    private SqliteEventStore(string connectionString, SqliteConnection writer, AppendLimits limits) : base(limits)
    {
        _connectionString = connectionString;
        _writer = writer;
        _insert = new EventInsert(writer);
        _statements = new WriterStatements(writer);
    }

    /// <summary>Opens (creating if need be) the log in the file <paramref name="path"/> and brings its schema up to date.</summary>
    public static async Task<SqliteEventStore> OpenAsync(string path, AppendLimits? limits = null, CancellationToken ct = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync(ct);
        await Pragmas(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", ct);
        await SchemaMigrator.ApplyAsync(writer, SchemaMigrator.LoadScripts(typeof(SqliteEventStore).Assembly, "Registry.EventStore.Sqlite.Scripts"),
            "event_log_migrations", null, ct);
        return new SqliteEventStore(connectionString, writer, limits ?? AppendLimits.Default);
    }

    public string ConnectionString => _connectionString;

    protected override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    protected override void AddEventId(DbCommand cmd, string name, Guid eventId) =>
        ((SqliteCommand)cmd).Parameters.Add(name, SqliteType.Blob).Value = eventId;

    private protected override async Task<Task> CommitBatchAsync(IReadOnlyList<PendingAppend> batch)
    {
        // Appends almost always carry new event ids, so their ids are looked up only when the unique index says one is
        // recorded already, or when an append is refused (it may be the retry of one that succeeded).
        var plan = await TryCommitAsync(batch, lookUpIds: false) ?? await TryCommitAsync(batch, lookUpIds: true)
            ?? throw new InvalidOperationException("a commit with the ids looked up always decides");
        Complete(plan);
        if (plan.Rows.Count > 0) _committed.Fire();
        return Task.CompletedTask;
    }

    /// <summary>One group commit in one transaction; null (nothing written) when, without the ids, it must be redone with them.</summary>
    private async Task<BatchPlan?> TryCommitAsync(IReadOnlyList<PendingAppend> batch, bool lookUpIds)
    {
        BatchPlan plan;
        await using (var tx = _writer.BeginTransaction(deferred: false))
        {
            var head = await ReadHead(tx);
            var revisions = new Dictionary<string, long>();
            var streamRevision = _statements.Get(tx, "SELECT max(stream_revision) FROM events WHERE stream_name = @s", ("@s", SqliteType.Text));
            foreach (var stream in batch.SelectMany(a => a.Streams).Distinct())
            {
                streamRevision.Parameters[0].Value = stream;
                if (await streamRevision.ExecuteScalarAsync() is long revision) revisions[stream] = revision;
            }
            var existing = new Dictionary<Guid, StoredEventKey>();
            if (lookUpIds)
            {
                var cmd = _statements.Get(tx, "SELECT stream_name, stream_revision, position, event_type, data, metadata FROM events WHERE event_id = @id",
                    ("@id", SqliteType.Blob));
                var id = cmd.Parameters[0];
                foreach (var e in batch.SelectMany(a => a.Events))
                {
                    id.Value = e.EventId;
                    await using var r = await cmd.ExecuteReaderAsync();
                    if (await r.ReadAsync())
                        existing[e.EventId] = new StoredEventKey(e.EventId, r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetString(3), (byte[])r[4], (byte[])r[5]);
                }
            }

            plan = BatchPlanner.Plan(head, batch, revisions, existing, DateTimeOffset.UtcNow);
            if (!lookUpIds && plan.Outcomes.Any(o => o.Error is not null)) return null;
            if (plan.Rows.Count > 0)
            {
                foreach (var row in plan.Rows)
                    if (!_insert.TryInsert(row, refusalExpected: !lookUpIds)) return null;
                var update = _statements.Get(tx, "UPDATE log_head SET position = @p, hash = @h, recorded_us = @at WHERE id = 1",
                    ("@p", SqliteType.Integer), ("@h", SqliteType.Blob), ("@at", SqliteType.Integer));
                update.Parameters[0].Value = plan.Head.Position;
                update.Parameters[1].Value = plan.Head.Hash;
                update.Parameters[2].Value = plan.Head.RecordedMicroseconds;
                await update.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        return plan;
    }

    public override async Task WaitForEventsAfterAsync(long afterPosition, CancellationToken ct)
    {
        // Take the signal before reading the head, so a commit in between cannot be missed. Another process writing
        // the same file fires no in-process signal, so a slow fallback re-check covers that case.
        var signal = _committed.Current;
        if (await GetHeadPositionAsync(ct) > afterPosition) return;
        try { await signal.WaitAsync(TimeSpan.FromSeconds(1), ct); }
        catch (TimeoutException) { }
    }

    private async Task<LogHead> ReadHead(SqliteTransaction tx)
    {
        var cmd = _statements.Get(tx, "SELECT position, hash, recorded_us FROM log_head WHERE id = 1");
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return new LogHead(r.GetInt64(0), (byte[])r[1], r.GetInt64(2));
    }

    private static async Task Pragmas(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _insert.Dispose();
        _statements.Dispose();
        await _writer.DisposeAsync();
    }
}
