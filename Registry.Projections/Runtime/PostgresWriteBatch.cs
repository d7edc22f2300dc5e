using System.Data;
using System.Data.Common;

namespace Registry.Projections.Runtime;

/// <summary>
/// Writes on PostgreSQL queued and sent together as one batch (one round trip) instead of one round trip per
/// statement. <see cref="BatchStatements"/> sends them before any read and when the projection is done, so every
/// statement still sees the effects of the ones before it. A full batch is sent without waiting for it: the next one
/// is built while the server executes it, and is sent once it has finished.
/// <para>
/// Plain inserts (<see cref="PositionalStatement.IsPlainInsert"/>) queued between two other statements are gathered per
/// statement and written by one statement, each parameter an array of the rows' values: they do not depend on each
/// other (no triggers, no foreign keys in the read models, and each statement's own rows keep their order), while every
/// other statement (an update, an upsert, a delete) stays where it was, after the inserts queued before it and before
/// the ones queued after it. A projection writes its rows one event at a time, alternating between its tables; on the
/// server, each statement costs a parse, a bind and an executor start, more than the row it inserts.
/// </para>
/// </summary>
internal sealed class PostgresWriteBatch(DbConnection connection, DbTransaction transaction)
{
    /// <summary>Rows per round trip: bounds the memory of a batch without adding noticeable round trips.</summary>
    private const int MaxRows = 2000;

    /// <summary>
    /// From how many rows a run of one plain insert is copied rather than inserted: a copy is its own round trip,
    /// waited for, where inserts go in the batch the server executes while the next is queued.
    /// </summary>
    private const int CopiedRows = 250;

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
        DbBatch? batch = null;
        foreach (var queued in _queued)
        {
            if (queued.Statement.IsPlainInsert && queued.Rows.Count >= CopiedRows)
            {
                // What was queued before runs before: sent and executed first.
                if (batch is not null) await ExecuteAsync(batch);
                batch = null;
                await CopyAsync(queued.Statement, queued.Rows);
                continue;
            }
            batch ??= NewBatch();
            if (queued.Statement.IsPlainInsert) batch.BatchCommands.Add(Inserts(batch, queued.Statement, queued.Rows));
            else foreach (var row in queued.Rows) batch.BatchCommands.Add(Command(batch, queued.Statement, row));
        }
        _queued.Clear();
        _inserts.Clear();
        _rows = 0;
        if (batch is null) return;
        _sent = batch;
        // Prepared statements are kept on the server connection by their SQL: each shape is parsed and planned once
        // per connection, not on every execution (the parameters' types are set, so the first values need not be seen).
        await _sent.PrepareAsync();
        _executing = _sent.ExecuteNonQueryAsync();
    }

    private DbBatch NewBatch()
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        return batch;
    }

    private static async Task ExecuteAsync(DbBatch batch)
    {
        await using (batch)
        {
            await batch.PrepareAsync();
            await batch.ExecuteNonQueryAsync();
        }
    }

    /// <summary>A long run of a plain insert's rows, copied: the server reads them as they are written.</summary>
    private async Task CopyAsync(PositionalStatement statement, List<object?[]> rows)
    {
        var writer = await ((Npgsql.NpgsqlConnection)connection).BeginTextImportAsync(statement.Copy);
        await using (writer)
            foreach (var row in rows) CopyText.WriteRow(writer, row, statement.CopiedValues);
    }

    private static DbBatchCommand Command(DbBatch batch, PositionalStatement statement, object?[] row)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = statement.Sql;
        for (var j = 0; j < statement.Order.Length; j++)
        {
            var parameter = command.CreateParameter();
            if (statement.Parameters.DbType(statement.Order[j]) is { } dbType) parameter.DbType = dbType;
            parameter.Value = row[j] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>A plain insert's rows as one statement: the j-th parameter is the array of the rows' j-th values.</summary>
    private static DbBatchCommand Inserts(DbBatch batch, PositionalStatement statement, List<object?[]> rows)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = statement.ForArrays;
        for (var j = 0; j < statement.Order.Length; j++)
        {
            var parameter = command.CreateParameter();
            parameter.Value = Column(rows, j, statement.Parameters.DbType(statement.Order[j])!.Value);
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>The rows' j-th values as an array of the parameter's type, NULL where a row has none: Npgsql sends it as
    /// that type's PostgreSQL array.</summary>
    private static Array Column(List<object?[]> rows, int j, DbType type) => type switch
    {
        DbType.String => Values<string>(rows, j),
        DbType.Int64 => Nullable<long>(rows, j),
        DbType.Int32 => Nullable<int>(rows, j),
        DbType.Int16 => Nullable<short>(rows, j),
        DbType.Double => Nullable<double>(rows, j),
        DbType.Decimal => Nullable<decimal>(rows, j),
        DbType.Boolean => Nullable<bool>(rows, j),
        DbType.Guid => Nullable<Guid>(rows, j),
        _ => throw new NotSupportedException($"No array of {type} parameters"),
    };

    private static T?[] Values<T>(List<object?[]> rows, int j) where T : class
    {
        var values = new T?[rows.Count];
        for (var r = 0; r < values.Length; r++) values[r] = (T?)rows[r][j];
        return values;
    }

    private static T?[] Nullable<T>(List<object?[]> rows, int j) where T : struct
    {
        var values = new T?[rows.Count];
        for (var r = 0; r < values.Length; r++) values[r] = (T?)rows[r][j];
        return values;
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
