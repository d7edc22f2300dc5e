using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Dapper;
using Registry.Projections.Runtime;
using Registry.Read;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// The raw limit of a rebuild, measured in the same run: the rows the rebuild wrote, copied inside the database into
/// fresh tables of the same shape and indexed with the same indexes, the cheapest way each database offers (PostgreSQL:
/// one <c>INSERT … SELECT</c> per table into an unlogged table, made logged before it is indexed, analyzed and vacuumed,
/// on one connection per core as the rebuild does; SQLite: one transaction on its single writer, the index sorts on
/// every core). No event is read or projected: what is left is the cost of the read model's rows and indexes alone.
/// The copies are dropped afterwards.
/// </summary>
public static class ReadModelRawLimit
{
    private const string Prefix = "raw_";

    /// <summary>Copies and indexes every table of <paramref name="tables"/> (the generation's physical names); returns the time it took.</summary>
    public static async Task<TimeSpan> MeasureAsync(ReadDatabase db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        await DropCopiesAsync(db, tables, ct);
        var watch = Stopwatch.StartNew();
        await CopyAsync(db, tables, ct);
        var elapsed = watch.Elapsed;
        await DropCopiesAsync(db, tables, ct);
        return elapsed;
    }

    /// <summary>The copy of <paramref name="table"/>: its name with the prefix.</summary>
    public static string CopyOf(string table) => Prefix + table;

    /// <summary>Makes the copies (<see cref="CopyOf"/>), with their rows and indexes.</summary>
    public static Task CopyAsync(ReadDatabase db, IReadOnlyList<string> tables, CancellationToken ct) =>
        db.Dialect == SqlDialect.Postgres ? CopyPostgresAsync(db, tables, ct) : CopySqliteAsync(db, tables, ct);

    private static async Task CopyPostgresAsync(ReadDatabase db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        var work = new List<(string Table, long Size, string Columns, List<string> Indexes)>();
        await using (var connection = await db.OpenAsync(ct))
        {
            foreach (var table in tables)
            {
                var size = await connection.ExecuteScalarAsync<long>($"SELECT pg_relation_size('{table}')");
                // Generated columns are computed again by the copy, as the rebuild's inserts had them computed.
                var columns = await connection.QueryAsync<string>(
                    "SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = @t::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
                    new { t = table });
                var indexes = await connection.QueryAsync<string>("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @t", new { t = table });
                work.Add((table, size, string.Join(", ", columns), indexes.Select(i => Renamed(i, table)).ToList()));
            }
        }
        var queue = new System.Collections.Concurrent.ConcurrentQueue<(string Table, long Size, string Columns, List<string> Indexes)>(work.OrderByDescending(w => w.Size));
        await Task.WhenAll(Enumerable.Range(0, Math.Min(Environment.ProcessorCount, work.Count)).Select(_ => Task.Run(async () =>
        {
            await using var connection = await db.OpenAsync(ct);
            await connection.ExecuteAsync("SET maintenance_work_mem = '256MB'");
            var done = new List<string>();
            while (queue.TryDequeue(out var w))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await connection.ExecuteAsync($"CREATE UNLOGGED TABLE {Prefix}{w.Table} (LIKE {w.Table} INCLUDING DEFAULTS INCLUDING GENERATED)", transaction: tx);
                await connection.ExecuteAsync($"INSERT INTO {Prefix}{w.Table} ({w.Columns}) SELECT {w.Columns} FROM {w.Table}", transaction: tx, commandTimeout: 0);
                await connection.ExecuteAsync($"ALTER TABLE {Prefix}{w.Table} SET LOGGED", transaction: tx, commandTimeout: 0);
                foreach (var index in w.Indexes) await connection.ExecuteAsync(index, transaction: tx, commandTimeout: 0);
                await connection.ExecuteAsync($"ANALYZE {Prefix}{w.Table}", transaction: tx, commandTimeout: 0);
                await tx.CommitAsync(ct);
                done.Add(w.Table);
            }
            foreach (var table in done) await connection.ExecuteAsync($"VACUUM {Prefix}{table}", commandTimeout: 0);
        }, ct)));
    }

    private static async Task CopySqliteAsync(ReadDatabase db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync($"PRAGMA threads = {Math.Min(Environment.ProcessorCount, 8)}");
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var table in tables)
        {
            var create = await connection.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = @t", new { t = table }, tx);
            var indexes = (await connection.QueryAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @t AND sql IS NOT NULL", new { t = table }, tx)).ToList();
            // hidden 2 and 3: generated columns, which the copy computes again.
            var columns = string.Join(", ", (await connection.QueryAsync<string>(
                $"SELECT '\"' || name || '\"' FROM pragma_table_xinfo('{table}') WHERE hidden NOT IN (2, 3) ORDER BY cid", transaction: tx)));
            await connection.ExecuteAsync(Renamed(create!, table), transaction: tx);
            await connection.ExecuteAsync($"INSERT INTO {Prefix}{table} ({columns}) SELECT {columns} FROM {table}", transaction: tx, commandTimeout: 0);
            foreach (var index in indexes) await connection.ExecuteAsync(Renamed(index, table), transaction: tx, commandTimeout: 0);
        }
        await tx.CommitAsync(ct);
        await connection.ExecuteAsync("PRAGMA threads = 0");
    }

    /// <summary>A table's or index's DDL for the copy: the table and any index named with the prefix.</summary>
    private static string Renamed(string ddl, string table)
    {
        var indexRenamed = Regex.Replace(ddl, @"^(\s*CREATE\s+(UNIQUE\s+)?INDEX\s+)(\w+)", m => m.Groups[1].Value + Prefix + m.Groups[3].Value, RegexOptions.IgnoreCase);
        return Regex.Replace(indexRenamed, $@"(?<![\w""]){Regex.Escape(table)}(?![\w""])", Prefix + table);
    }

    public static async Task DropCopiesAsync(ReadDatabase db, IReadOnlyList<string> tables, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        foreach (var table in tables) await connection.ExecuteAsync($"DROP TABLE IF EXISTS {Prefix}{table}");
    }
}
