using Microsoft.Data.Sqlite;
using Registry.EventStore.Sqlite;
using SQLitePCL;

namespace Registry.Projections.Runtime;

/// <summary>
/// A write statement prepared on the SQLite connection's own handle and executed with its parameters bound by index.
/// Through <see cref="SqliteCommand"/> every execution looked each parameter up by name and crossed several layers
/// per value; a rebuild executes millions of these. Values are bound as Microsoft.Data.Sqlite binds them (text,
/// 64-bit integers, doubles, NULL), and the statement runs in the connection's current transaction like any other.
/// </summary>
internal sealed class SqliteWriteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly StatementParameters _parameters;
    private readonly int[] _indexes;
    private readonly SqliteTextBinder _text = new();

    public SqliteWriteStatement(SqliteConnection connection, string sql, StatementParameters parameters)
    {
        _db = connection.Handle!;
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement, out var tail);
        SqliteException.ThrowExceptionForRC(rc, _db);
        if (!string.IsNullOrWhiteSpace(tail)) throw new ArgumentException("One statement at a time: " + sql, nameof(sql));
        _parameters = parameters;
        _indexes = new int[parameters.Count];
        for (var i = 0; i < parameters.Count; i++) _indexes[i] = raw.sqlite3_bind_parameter_index(_statement, parameters.Name(i));
    }

    public void Execute(object values)
    {
        for (var i = 0; i < _indexes.Length; i++) Bind(_indexes[i], _parameters.Value(i, values));
        var rc = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (rc == raw.SQLITE_ROW) throw new InvalidOperationException("A write statement returned rows");
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    private void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            string s => _text.Bind(_statement, index, s),
            long l => raw.sqlite3_bind_int64(_statement, index, l),
            int n => raw.sqlite3_bind_int64(_statement, index, n),
            short n => raw.sqlite3_bind_int64(_statement, index, n),
            double d => raw.sqlite3_bind_double(_statement, index, d),
            _ => throw new NotSupportedException($"{value.GetType().Name} parameters are not bound by {nameof(SqliteWriteStatement)}"),
        };
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();
}
