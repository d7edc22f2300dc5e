using System.Data.Common;
using System.Reflection;

namespace Registry.EventStore.Schema;

/// <summary>
/// Applies numbered SQL scripts (<c>001_name.sql</c>, embedded resources) that a database has not seen yet, each in
/// its own transaction, and records them in a <c>schema_migrations</c>-style table.
/// </summary>
public static class SchemaMigrator
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> LoadScripts(Assembly assembly, string resourcePrefix)
    {
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = resource[resourcePrefix.Length..].TrimStart('.');
            var digits = new string(file.TakeWhile(char.IsDigit).ToArray());
            if (digits.Length == 0) throw new InvalidOperationException($"SQL script '{resource}' does not start with its number.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture), file, reader.ReadToEnd()));
        }
        return scripts.OrderBy(s => s.Item1).ToList();
    }

    /// <param name="lockSql">Run first in each transaction to keep two processes from migrating at once (PostgreSQL);
    /// null where the database's own write lock suffices (SQLite).</param>
    public static async Task ApplyAsync(DbConnection connection, IReadOnlyList<(int Version, string Name, string Sql)> scripts,
        string table, string? lockSql, CancellationToken ct = default)
    {
        await Execute(connection, null, $"CREATE TABLE IF NOT EXISTS {table} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", ct);
        foreach (var (version, name, sql) in scripts)
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (lockSql is not null) await Execute(connection, tx, lockSql, ct);
            await using (var check = connection.CreateCommand())
            {
                check.Transaction = tx;
                check.CommandText = $"SELECT count(*) FROM {table} WHERE version = {version}";
                if (Convert.ToInt64(await check.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    await tx.CommitAsync(ct);
                    continue;
                }
            }
            await Execute(connection, tx, sql, ct);
            await using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = $"INSERT INTO {table} (version, name, applied_at) VALUES ({version}, @name, @at)";
                AddParameter(record, "name", name);
                AddParameter(record, "at", DateTimeOffset.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
    }

    private static async Task Execute(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
