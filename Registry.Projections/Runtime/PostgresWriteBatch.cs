using System.Data.Common;

namespace Registry.Projections.Runtime;

/// <summary>
/// Writes on PostgreSQL queued and sent together as one batch (one round trip) instead of one round trip per
/// statement. <see cref="BatchStatements"/> sends them before any read and when the projection is done, so every
/// statement still sees the effects of the ones before it. A full batch is sent without waiting for it: the next one
/// is built while the server executes it, and is sent once it has finished.
/// <para>
/// Plain inserts (<see cref="PositionalStatement.IsPlainInsert"/>) queued between two other statements are gathered per
/// statement and written many rows per statement: they do not depend on each other (no triggers, no foreign keys in
/// the read models, and each statement's own rows keep their order), while every other statement (an update, an
/// upsert, a delete) stays where it was, after the inserts queued before it and before the ones queued after it.
/// A projection writes its rows one event at a time, alternating between its tables; on the server, each statement
/// costs a parse, a bind and an executor start, more than the row it inserts.
/// </para>
/// </summary>
internal sealed class PostgresWriteBatch(DbConnection connection, DbTransaction transaction)
{
    /// <summary>Rows per round trip: bounds the memory of a batch without adding noticeable round trips.</summary>
    private const int MaxRows = 2000;

    /// <summary>How many rows one insert statement writes: a few sizes, so that each connection prepares few statements.</summary>
    private static readonly int[] RowsPerStatement = [128, 32, 8, 1];

    // In order: every statement that is not a plain insert, and before it the runs of plain inserts queued since the last one.
    private readonly List<Queued> _queued = [];
    private readonly Dictionary<PositionalStatement, Queued> _inserts = new(ReferenceEqualityComparer.Instance);
    private int _rows;
    private DbBatch? _sent;
    private Task? _executing;

    public async Task AddAsync(PositionalStatement statement, object values)
    {
        var row = new object?[statement.Order.Length];
        for (var j = 0; j < row.Length; j++) row[j] = statement.Parameters.Value(statement.Order[j], values);
        if (statement.IsPlainInsert)
        {
            if (!_inserts.TryGetValue(statement, out var run)) _queued.Add(_inserts[statement] = run = new Queued(statement));
            run.Rows.Add(row);
        }
        else
        {
            _inserts.Clear(); // the inserts queued after this statement run after it
            var one = new Queued(statement);
            one.Rows.Add(row);
            _queued.Add(one);
        }
        if (++_rows >= MaxRows) await StartAsync();
    }

    /// <summary>Sends what is queued and waits until the server has executed it all.</summary>
    public async Task SendAsync()
    {
        await StartAsync();
        await ExecutedAsync();
    }

    /// <summary>Waits for the batch being executed, if any: until then the connection takes no other command.</summary>
    public async Task ExecutedAsync()
    {
        if (_executing is null) return;
        try
        {
            await _executing;
        }
        finally
        {
            await _sent!.DisposeAsync();
            _sent = null;
            _executing = null;
        }
    }

    private async Task StartAsync()
    {
        await ExecutedAsync();
        if (_queued.Count == 0) return;
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var queued in _queued)
            for (var at = 0; at < queued.Rows.Count;)
            {
                var rows = RowsPerStatement.First(n => n <= queued.Rows.Count - at);
                batch.BatchCommands.Add(Command(batch, queued.Statement, queued.Rows, at, rows));
                at += rows;
            }
        _queued.Clear();
        _inserts.Clear();
        _rows = 0;
        _sent = batch;
        // Prepared statements are kept on the server connection by their SQL: each shape is parsed and planned once
        // per connection, not on every execution (the parameters' types are set, so the first values need not be seen).
        await _sent.PrepareAsync();
        _executing = _sent.ExecuteNonQueryAsync();
    }

    private static DbBatchCommand Command(DbBatch batch, PositionalStatement statement, List<object?[]> rows, int first, int count)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = statement.ForRows(count);
        for (var r = first; r < first + count; r++)
            for (var j = 0; j < statement.Order.Length; j++)
            {
                var parameter = command.CreateParameter();
                if (statement.Parameters.DbType(statement.Order[j]) is { } dbType) parameter.DbType = dbType;
                parameter.Value = rows[r][j] ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
        return command;
    }

    /// <summary>Drops what was not sent: only after a failure, whose transaction is rolled back anyway. A batch still
    /// executing is waited for (the connection is not free before) and its outcome ignored.</summary>
    public void Discard()
    {
        _queued.Clear();
        _inserts.Clear();
        _rows = 0;
        if (_executing is null) return;
        // Whatever it ended with, the failure being handled is the one to report.
        try { _executing.GetAwaiter().GetResult(); }
        catch (Exception) { }
        _sent!.Dispose();
        _sent = null;
        _executing = null;
    }

    private sealed class Queued(PositionalStatement statement)
    {
        public PositionalStatement Statement { get; } = statement;
        public List<object?[]> Rows { get; } = [];
    }
}
