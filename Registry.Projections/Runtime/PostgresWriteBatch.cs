using System.Data.Common;

namespace Registry.Projections.Runtime;

/// <summary>
/// Writes on PostgreSQL queued and sent together, in order, as one batch (one round trip) instead of one round trip
/// per statement. <see cref="BatchStatements"/> sends them before any read and when the projection is done, so every
/// statement still sees the effects of the ones before it.
/// </summary>
internal sealed class PostgresWriteBatch(DbConnection connection, DbTransaction transaction)
{
    /// <summary>Statements per round trip: bounds the memory of a batch without adding noticeable round trips.</summary>
    private const int MaxStatements = 1000;

    private DbBatch? _batch;

    public bool IsEmpty => _batch is null;

    public async Task AddAsync(string sql, StatementParameters parameters, object values)
    {
        if (_batch is null)
        {
            _batch = connection.CreateBatch();
            _batch.Transaction = transaction;
        }
        var command = _batch.CreateBatchCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = parameters.Name(i);
            if (parameters.DbType(i) is { } dbType) parameter.DbType = dbType;
            parameter.Value = parameters.Value(i, values) ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        _batch.BatchCommands.Add(command);
        if (_batch.BatchCommands.Count >= MaxStatements) await SendAsync();
    }

    public async Task SendAsync()
    {
        if (_batch is null) return;
        await using var batch = _batch;
        _batch = null;
        // Prepared statements are kept on the server connection by their SQL: each shape is parsed and planned once
        // per connection, not on every execution (the parameters' types are set, so the first values need not be seen).
        await batch.PrepareAsync();
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>Drops what was not sent: only after a failure, whose transaction is rolled back anyway.</summary>
    public void Discard()
    {
        _batch?.Dispose();
        _batch = null;
    }
}
