using System.Data.Common;

namespace Registry.Projections.Runtime;

/// <summary>
/// Writes on PostgreSQL queued and sent together, in order, as one batch (one round trip) instead of one round trip
/// per statement. <see cref="BatchStatements"/> sends them before any read and when the projection is done, so every
/// statement still sees the effects of the ones before it. A full batch is sent without waiting for it: the next one
/// is built while the server executes it, and is sent once it has finished.
/// </summary>
internal sealed class PostgresWriteBatch(DbConnection connection, DbTransaction transaction)
{
    /// <summary>Statements per round trip: bounds the memory of a batch without adding noticeable round trips.</summary>
    private const int MaxStatements = 1000;

    private DbBatch? _batch;
    private DbBatch? _sent;
    private Task? _executing;

    public bool IsEmpty => _batch is null;

    public async Task AddAsync(PositionalStatement statement, object values)
    {
        if (_batch is null)
        {
            _batch = connection.CreateBatch();
            _batch.Transaction = transaction;
        }
        var command = _batch.CreateBatchCommand();
        command.CommandText = statement.Sql;
        foreach (var i in statement.Order)
        {
            var parameter = command.CreateParameter();
            if (statement.Parameters.DbType(i) is { } dbType) parameter.DbType = dbType;
            parameter.Value = statement.Parameters.Value(i, values) ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        _batch.BatchCommands.Add(command);
        if (_batch.BatchCommands.Count >= MaxStatements) await StartAsync();
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
        if (_batch is null) return;
        _sent = _batch;
        _batch = null;
        // Prepared statements are kept on the server connection by their SQL: each shape is parsed and planned once
        // per connection, not on every execution (the parameters' types are set, so the first values need not be seen).
        await _sent.PrepareAsync();
        _executing = _sent.ExecuteNonQueryAsync();
    }

    /// <summary>Drops what was not sent: only after a failure, whose transaction is rolled back anyway. A batch still
    /// executing is waited for (the connection is not free before) and its outcome ignored.</summary>
    public void Discard()
    {
        _batch?.Dispose();
        _batch = null;
        if (_executing is null) return;
        // Whatever it ended with, the failure being handled is the one to report.
        try { _executing.GetAwaiter().GetResult(); }
        catch (Exception) { }
        _sent!.Dispose();
        _sent = null;
        _executing = null;
    }
}
