using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Registry.Projections.Runtime;

/// <summary>
/// The statements of one batch's transaction, each prepared once and re-executed with new values. A projection writes
/// a handful of statement shapes thousands of times per batch; through Dapper each call created, prepared and
/// finalized its command anew, and that per-statement cost dominated a rebuild (issue 4). Parameters are the public
/// properties of an object (an anonymous type, or <see cref="RowParameters"/>), as with Dapper, and are bound only
/// when the SQL names them; results map to types through Dapper's row parser.
/// <para>
/// Writes on SQLite run at once through <see cref="SqliteWriteStatement"/>; writes on PostgreSQL are queued and sent
/// in one round trip when enough are queued (executed while the next are queued), before the next read and at
/// <see cref="FlushAsync"/>, which the projection calls before its batch commits. A failed statement therefore
/// surfaces at the latest there, still inside the projection's handling.
/// </para>
/// </summary>
public sealed class BatchStatements(DbConnection connection, DbTransaction transaction, Func<string, string> table) : IDisposable
{
    // Keyed by the statement's SQL text or its GenerationSql, and the shape of its values.
    private readonly Dictionary<(object Statement, Type Shape), Query> _queries = new();
    private readonly Dictionary<(object Statement, Type Shape), SqliteWriteStatement> _sqliteWrites = new();
    private readonly Dictionary<(object Statement, Type Shape), PositionalStatement> _postgresShapes = new();
    private readonly PostgresWriteBatch? _postgresWrites = connection is SqliteConnection ? null : new PostgresWriteBatch(connection, transaction);

    /// <summary>Executes a statement that returns no rows (on PostgreSQL, queued until the next read or flush).</summary>
    public Task ExecuteAsync(string sql, object values) => Execute(sql, values);

    /// <summary>Executes a statement of the projection's tables, its SQL made for the batch's generation once per batch.</summary>
    public Task ExecuteAsync(GenerationSql sql, object values) => Execute(sql, values);

    /// <summary><paramref name="statement"/> is the SQL text, or the <see cref="GenerationSql"/> that makes it (one
    /// statement per instance: compared by reference, and its text made only to prepare it).</summary>
    private Task Execute(object statement, object values)
    {
        var key = (statement, StatementParameters.ShapeOf(values));
        if (_postgresWrites is not null)
        {
            if (!_postgresShapes.TryGetValue(key, out var positional))
            {
                var sql = Text(statement);
                _postgresShapes.Add(key, positional = PositionalStatement.For(sql, StatementParameters.For(sql, values)));
            }
            return _postgresWrites.AddAsync(positional, values);
        }
        if (!_sqliteWrites.TryGetValue(key, out var write))
        {
            var sql = Text(statement);
            _sqliteWrites.Add(key, write = new SqliteWriteStatement((SqliteConnection)connection, sql, StatementParameters.For(sql, values)));
        }
        write.Execute(values);
        return Task.CompletedTask;
    }

    private string Text(object statement) => statement as string ?? ((GenerationSql)statement).For(table);

    /// <summary>Sends the writes still queued. Call it before the batch's transaction commits.</summary>
    public Task FlushAsync() => _postgresWrites?.SendAsync() ?? Task.CompletedTask;

    /// <summary>Waits until the connection takes a command of the caller's own: on PostgreSQL a batch of writes being
    /// executed occupies it. The writes still queued stay queued.</summary>
    public Task ConnectionFreeAsync() => _postgresWrites?.ExecutedAsync() ?? Task.CompletedTask;

    /// <summary>The single row the query returns mapped to <typeparamref name="T"/>, or default when there is none; more than one row is an error.</summary>
    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object values) => QueryOneAsync<T>(sql, values);

    /// <summary>The same for a statement of the projection's tables, its SQL made for the batch's generation once per batch.</summary>
    public Task<T?> QuerySingleOrDefaultAsync<T>(GenerationSql sql, object values) => QueryOneAsync<T>(sql, values);

    private async Task<T?> QueryOneAsync<T>(object statement, object values)
    {
        await FlushAsync();
        var query = Bind(statement, values);
        await using var reader = await query.Command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return default;
        var row = reader.GetRowParser<T>()(reader);
        if (await reader.ReadAsync()) throw new InvalidOperationException("Sequence contains more than one element");
        return row;
    }

    private Query Bind(object statement, object values)
    {
        var key = (statement, StatementParameters.ShapeOf(values));
        if (!_queries.TryGetValue(key, out var query))
        {
            var sql = Text(statement);
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            var parameters = StatementParameters.For(sql, values);
            for (var i = 0; i < parameters.Count; i++)
            {
                var parameter = command.CreateParameter();
                // Prefixed as in the SQL: Microsoft.Data.Sqlite otherwise looks a bare name up once more, with each prefix, on every execution.
                parameter.ParameterName = parameters.Name(i);
                if (parameters.DbType(i) is { } dbType) parameter.DbType = dbType;
                command.Parameters.Add(parameter);
            }
            query = new Query(command, parameters);
            _queries.Add(key, query);
        }
        for (var i = 0; i < query.Parameters.Count; i++) query.Command.Parameters[i].Value = query.Parameters.Value(i, values) ?? DBNull.Value;
        if (!query.IsPrepared)
        {
            // After the first values are bound, so that PostgreSQL learns every parameter's type: the server then parses
            // and plans the statement once per batch rather than on every execution. (A SqliteCommand keeps its
            // statements prepared between executions either way.)
            query.Command.Prepare();
            query.IsPrepared = true;
        }
        return query;
    }

    /// <summary>Releases the prepared statements; writes still queued (only after a failure) are dropped with the transaction.</summary>
    public void Dispose()
    {
        foreach (var query in _queries.Values) query.Command.Dispose();
        foreach (var statement in _sqliteWrites.Values) statement.Dispose();
        _postgresWrites?.Discard();
        _queries.Clear();
        _sqliteWrites.Clear();
    }

    private sealed record Query(DbCommand Command, StatementParameters Parameters)
    {
        public bool IsPrepared { get; set; }
    }
}
