using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Reflection;
using Dapper;

namespace Registry.Projections.Runtime;

/// <summary>
/// The statements of one batch's transaction, each prepared once and re-executed with new values. A projection writes
/// a handful of statement shapes thousands of times per batch; through Dapper each call created, prepared and
/// finalized its command anew, and that per-statement cost dominated a rebuild (issue 4). Parameters are the public
/// properties of an object (an anonymous type, or <see cref="RowParameters"/>), as with Dapper, and are bound only
/// when the SQL names them; results map to types through Dapper's row parser.
/// </summary>
public sealed class BatchStatements(DbConnection connection, DbTransaction transaction) : IDisposable
{
    private readonly Dictionary<(string Sql, Type Type), Prepared> _prepared = new();

    public async Task<int> ExecuteAsync(string sql, object values)
    {
        var prepared = Bind(sql, values);
        return await prepared.Command.ExecuteNonQueryAsync();
    }

    /// <summary>The single row the query returns mapped to <typeparamref name="T"/>, or default when there is none; more than one row is an error.</summary>
    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object values)
    {
        var prepared = Bind(sql, values);
        await using var reader = await prepared.Command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return default;
        var row = reader.GetRowParser<T>()(reader);
        if (await reader.ReadAsync()) throw new InvalidOperationException("Sequence contains more than one element");
        return row;
    }

    private Prepared Bind(string sql, object values)
    {
        var source = values is RowParameters r ? r : null;
        var key = (sql, source?.Values.GetType() ?? values.GetType());
        if (!_prepared.TryGetValue(key, out var prepared))
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            var bindings = new List<(DbParameter Parameter, Binding Binding, bool FromProvenance)>();
            foreach (var (binding, fromProvenance) in Binding.For(key.Item2).Select(b => (b, false))
                         .Concat(source is null ? [] : Binding.For(source.Provenance.GetType()).Select(b => (b, true))))
            {
                if (!sql.Contains("@" + binding.Name, StringComparison.Ordinal)) continue;
                var parameter = command.CreateParameter();
                // Prefixed as in the SQL: Microsoft.Data.Sqlite otherwise looks a bare name up once more, with each prefix, on every execution.
                parameter.ParameterName = "@" + binding.Name;
                if (binding.DbType is { } dbType) parameter.DbType = dbType;
                command.Parameters.Add(parameter);
                bindings.Add((parameter, binding, fromProvenance));
            }
            prepared = new Prepared(command, bindings);
            _prepared.Add(key, prepared);
        }
        foreach (var (parameter, binding, fromProvenance) in prepared.Bindings)
            parameter.Value = binding.Read(fromProvenance ? source!.Provenance : source?.Values ?? values) ?? DBNull.Value;
        if (!prepared.IsPrepared)
        {
            // After the first values are bound, so that PostgreSQL learns every parameter's type: the server then parses
            // and plans the statement once per batch rather than on every execution. (A SqliteCommand keeps its
            // statements prepared between executions either way.)
            prepared.Command.Prepare();
            prepared.IsPrepared = true;
        }
        return prepared;
    }

    public void Dispose()
    {
        foreach (var prepared in _prepared.Values) prepared.Command.Dispose();
        _prepared.Clear();
    }

    private sealed record Prepared(DbCommand Command, List<(DbParameter Parameter, Binding Binding, bool FromProvenance)> Bindings)
    {
        public bool IsPrepared { get; set; }
    }

    /// <summary>One property as a parameter: its name, the DbType Dapper would give it, and how to read it (enums as their number, like Dapper).</summary>
    private sealed record Binding(string Name, DbType? DbType, Func<object, object?> Read)
    {
        private static readonly ConcurrentDictionary<Type, Binding[]> ByType = new();

        public static Binding[] For(Type type) => ByType.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0).Select(Create).ToArray());

        private static Binding Create(PropertyInfo property)
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsEnum)
            {
                var underlying = Enum.GetUnderlyingType(type);
                return new Binding(property.Name, TypeOf(underlying), o => property.GetValue(o) is { } v ? Convert.ChangeType(v, underlying) : null);
            }
            return new Binding(property.Name, TypeOf(type), property.GetValue);
        }

        private static DbType? TypeOf(Type type) =>
            type == typeof(string) ? System.Data.DbType.String
            : type == typeof(long) ? System.Data.DbType.Int64
            : type == typeof(int) ? System.Data.DbType.Int32
            : type == typeof(short) ? System.Data.DbType.Int16
            : type == typeof(double) ? System.Data.DbType.Double
            : type == typeof(decimal) ? System.Data.DbType.Decimal
            : type == typeof(bool) ? System.Data.DbType.Boolean
            : type == typeof(Guid) ? System.Data.DbType.Guid
            : null;
    }
}

/// <summary>A row's own values beside the fact's provenance columns, bound together by <see cref="BatchStatements"/>.</summary>
public sealed record RowParameters(object Values, object Provenance);
