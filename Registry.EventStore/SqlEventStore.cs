using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Registry.EventStore.Appending;
using Registry.EventStore.Integrity;

namespace Registry.EventStore;

/// <summary>
/// What the SQLite and PostgreSQL adapters share: validation, the group-commit queue and the read paths. Each
/// adapter supplies its connections, its batch commit and its live wake-up.
/// </summary>
public abstract class SqlEventStore : IEventStore
{
    private const string Columns = "position, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_us, hash";
    private const int PageSize = 1000;
    private readonly GroupCommitQueue _queue;

    /// <param name="batchesInFlight">How many group commits may be committing at once (see <see cref="CommitBatchAsync"/>).</param>
    protected SqlEventStore(AppendLimits limits, int batchesInFlight = 1)
    {
        Limits = limits;
        _queue = new GroupCommitQueue(CommitBatchAsync, limits.MaxEventsPerAppend, batchesInFlight);
    }

    public AppendLimits Limits { get; }

    protected abstract DbConnection CreateConnection();

    /// <summary>
    /// Writes one group commit in one transaction, then completes every append in it. Returns once the next batch may
    /// be planned, with the task of this one's commit (already complete when the adapter commits one batch at a time).
    /// </summary>
    private protected abstract Task<Task> CommitBatchAsync(IReadOnlyList<PendingAppend> batch);

    public abstract Task WaitForEventsAfterAsync(long afterPosition, CancellationToken ct);

    public Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events, CancellationToken ct = default) =>
        AppendAsync(stream, expected, events, [], ct);

    public Task<AppendResult> AppendAsync(string stream, ExpectedRevision expected, IReadOnlyList<EventData> events,
        IReadOnlyList<StreamCondition> conditions, CancellationToken ct = default)
    {
        AppendValidator.Validate(stream, events, conditions, Limits);
        return _queue.EnqueueAsync(new PendingAppend(stream, expected, events, conditions), ct);
    }

    private protected static void Complete(BatchPlan plan)
    {
        foreach (var (append, result, error) in plan.Outcomes)
        {
            if (error is not null) append.Completion.TrySetException(error);
            else append.Completion.TrySetResult(result!);
        }
    }

    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string stream, Direction direction, long fromRevision, long maxCount,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var forwards = direction == Direction.Forwards;
        var next = fromRevision;
        var remaining = maxCount;
        await using var connection = await OpenAsync(ct);
        while (remaining > 0)
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = forwards
                ? $"SELECT {Columns} FROM events WHERE stream_name = @s AND stream_revision >= @r ORDER BY stream_revision LIMIT @n"
                : $"SELECT {Columns} FROM events WHERE stream_name = @s AND stream_revision <= @r ORDER BY stream_revision DESC LIMIT @n";
            Add(cmd, "s", stream);
            Add(cmd, "r", next);
            Add(cmd, "n", Math.Min(remaining, PageSize));
            var read = 0;
            await using (var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var e = ReadEvent(reader);
                    read++;
                    remaining--;
                    next = forwards ? e.StreamRevision + 1 : e.StreamRevision - 1;
                    yield return e;
                }
            }
            if (read < PageSize || next < 0) yield break;
        }
    }

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(Direction direction, long fromPosition, long maxCount, EventFilter? filter = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var forwards = direction == Direction.Forwards;
        var next = fromPosition;
        var remaining = maxCount;
        await using var connection = await OpenAsync(ct);
        while (remaining > 0 && next >= 0)
        {
            await using var cmd = connection.CreateCommand();
            var where = forwards ? "position >= @p" : "position <= @p";
            if (filter is { Regex: null })
            {
                var column = filter.Target == FilterTarget.EventType ? "event_type" : "stream_name";
                var ors = new List<string>();
                for (var i = 0; i < filter.Prefixes.Count; i++)
                {
                    ors.Add($"substr({column}, 1, {filter.Prefixes[i].Length}) = @f{i}");
                    Add(cmd, $"f{i}", filter.Prefixes[i]);
                }
                where += $" AND ({string.Join(" OR ", ors)})";
            }
            cmd.CommandText = $"SELECT {Columns} FROM events WHERE {where} ORDER BY position {(forwards ? "" : "DESC")} LIMIT @n";
            Add(cmd, "p", next);
            // With a regex the page is filtered as it is read, so read full pages.
            var page = filter?.Regex is null ? Math.Min(remaining, PageSize) : PageSize;
            Add(cmd, "n", page);
            var read = 0;
            await using (var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var e = ReadEvent(reader);
                    read++;
                    next = forwards ? e.Position + 1 : e.Position - 1;
                    if (filter?.Regex is not null && !filter.Matches(e.StreamName, e.EventType)) continue;
                    yield return e;
                    if (--remaining == 0) yield break;
                }
            }
            if (read < page) yield break;
        }
    }

    public async Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM events WHERE event_id = @id";
        AddEventId(cmd, "id", eventId);
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        return await reader.ReadAsync(ct) ? ReadEvent(reader) : null;
    }

    public async Task<long?> GetStreamRevisionAsync(string stream, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT max(stream_revision) FROM events WHERE stream_name = @s";
        Add(cmd, "s", stream);
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<long> GetHeadPositionAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT position FROM log_head WHERE id = 1";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Every row from <paramref name="fromPosition"/> to <paramref name="toPosition"/>, in one streaming query
    /// (no paging): the verifier's read path. The rows come as stored, gaps and all: nothing here assumes the log is intact.</summary>
    public async IAsyncEnumerable<RecordedEvent> ScanAsync(long fromPosition, long toPosition, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM events WHERE position >= @p AND position <= @to ORDER BY position";
        Add(cmd, "p", fromPosition);
        Add(cmd, "to", toPosition);
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct)) yield return ReadEvent(reader);
    }

    /// <summary>
    /// The first row beyond the head, or null. Read in one statement, so in one snapshot: an append moves the head in
    /// the same transaction as it writes its rows, so such a row can only have been added by hand.
    /// </summary>
    public async Task<long?> FindRowBeyondHeadAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT min(position) FROM events WHERE position > (SELECT position FROM log_head WHERE id = 1)";
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The head row: last position and its chain hash, as the writer left them.</summary>
    public async Task<(long Position, byte[] Hash)> GetHeadAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT position, hash FROM log_head WHERE id = 1";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), (byte[])reader.GetValue(1));
    }

    protected async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = CreateConnection();
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>Binds an event id the way the adapter stores it (a uuid; a 16-byte blob in SQLite).</summary>
    protected virtual void AddEventId(DbCommand cmd, string name, Guid eventId) => Add(cmd, name, eventId);

    protected static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    private static RecordedEvent ReadEvent(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetGuid(3), r.GetString(4),
        (byte[])r.GetValue(5), (byte[])r.GetValue(6), EventHash.FromUnixMicroseconds(r.GetInt64(7)), (byte[])r.GetValue(8));

    public virtual async ValueTask DisposeAsync()
    {
        await _queue.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
