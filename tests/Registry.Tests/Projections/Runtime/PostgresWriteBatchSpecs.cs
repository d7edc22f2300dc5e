using Npgsql;
using Registry.Projections.Runtime;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Projections.Runtime;

/// <summary>
/// Writes queued on PostgreSQL: plain inserts between two other statements are gathered and written by one statement
/// (their values as arrays), and every other statement still runs after exactly the writes queued before it.
/// </summary>
[TestFixture]
public sealed class PostgresWriteBatchSpecs
{
    [Test]
    public async Task Given_inserts_into_two_tables_around_an_update_when_sent_then_the_update_changed_exactly_the_rows_queued_before_it()
    {
        await using var connection = new NpgsqlConnection(PostgresCluster.CreateDatabase());
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE a (id bigint PRIMARY KEY, v bigint NOT NULL, note text); CREATE TABLE b (id bigint PRIMARY KEY, a_id bigint)", connection))
            await create.ExecuteNonQueryAsync();
        await using var tx = await connection.BeginTransactionAsync();
        using (var statements = new BatchStatements(connection, tx, t => t))
        {
            // 300 rows before the update and 41 after: a run cut by the update, NULLs among the values.
            for (var i = 1L; i <= 341; i++)
            {
                await statements.ExecuteAsync("INSERT INTO a (id, v, note) VALUES (@Id, @V, @Note)", new { Id = i, V = i, Note = i % 2 == 0 ? null : "odd" });
                await statements.ExecuteAsync("INSERT INTO b (id, a_id) VALUES (@Id, @AId)", new { Id = i, AId = (long?)(i % 3 == 0 ? null : i) });
                if (i == 300) await statements.ExecuteAsync("UPDATE a SET v = v + 1000 WHERE v <= @Limit", new { Limit = 1000L });
            }
            await statements.FlushAsync();
        }
        await tx.CommitAsync();

        await using var check = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM a), (SELECT count(*) FROM a WHERE v = id + 1000), (SELECT count(*) FROM a WHERE v = id AND id > 300), " +
            "(SELECT count(*) FROM a WHERE note IS NULL), (SELECT count(*) FROM b), (SELECT count(*) FROM b WHERE a_id IS NULL)", connection);
        await using var reader = await check.ExecuteReaderAsync();
        await reader.ReadAsync();
        var counts = Enumerable.Range(0, 6).Select(reader.GetInt64).ToArray();
        Assert.That(counts, Is.EqualTo(new long[] { 341, 300, 41, 170, 341, 113 }));
    }

    [Test]
    public async Task Given_inserts_queued_when_a_statement_of_the_batch_reads_then_it_sees_them()
    {
        await using var connection = new NpgsqlConnection(PostgresCluster.CreateDatabase());
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE a (id bigint PRIMARY KEY, v bigint NOT NULL)", connection)) await create.ExecuteNonQueryAsync();
        await using var tx = await connection.BeginTransactionAsync();
        using var statements = new BatchStatements(connection, tx, t => t);
        for (var i = 1L; i <= 50; i++) await statements.ExecuteAsync("INSERT INTO a (id, v) VALUES (@Id, @V)", new { Id = i, V = 2 * i });

        var sum = await statements.QuerySingleOrDefaultAsync<long>("SELECT sum(v)::bigint FROM a WHERE id <= @Id", new { Id = 50L });

        Assert.That(sum, Is.EqualTo(2550));
    }

    [TestCase(1, TestName = "{m}(few rows: inserted as arrays)")]
    [TestCase(100, TestName = "{m}(a long run: copied)")]
    public async Task Given_rows_of_every_parameter_type_when_inserted_together_then_each_value_arrives_as_it_was(int times)
    {
        await using var connection = new NpgsqlConnection(PostgresCluster.CreateDatabase());
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "CREATE TABLE t (r bigint, s text, l bigint, i integer, h smallint, d double precision, m numeric, b boolean, g uuid, wide bigint)", connection))
            await create.ExecuteNonQueryAsync();
        var guid = Guid.NewGuid();
        var rows = Enumerable.Range(0, times).SelectMany(k => new[]
        {
            new Row(3 * k + 1, "Lạng Sơn\t'x'\n\\ \"y\"", long.MaxValue, int.MinValue, short.MaxValue, 0.1 + 0.2, 79228162514264337593543950335m, true, guid, 7),
            new Row(3 * k + 2, null, null, null, null, null, null, null, null, null),
            new Row(3 * k + 3, "", -1, 0, -1, double.MaxValue, -0.000001m, false, Guid.Empty, int.MaxValue),
        }).ToList();
        await using var tx = await connection.BeginTransactionAsync();
        using (var statements = new BatchStatements(connection, tx, t => t))
        {
            foreach (var row in rows)
                await statements.ExecuteAsync("INSERT INTO t (r, s, l, i, h, d, m, b, g, wide) VALUES (@R, @S, @L, @I, @H, @D, @M, @B, @G, @Wide)", row);
            await statements.FlushAsync();
        }
        await tx.CommitAsync();

        await using var read = new NpgsqlCommand("SELECT r, s, l, i, h, d, m, b, g, wide FROM t ORDER BY r", connection);
        await using var reader = await read.ExecuteReaderAsync();
        var back = new List<Row>();
        while (await reader.ReadAsync())
            back.Add(new Row(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt16(4), reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetDecimal(6), reader.IsDBNull(7) ? null : reader.GetBoolean(7), reader.IsDBNull(8) ? null : reader.GetGuid(8),
                reader.IsDBNull(9) ? null : checked((int)reader.GetInt64(9))));
        Assert.That(back, Is.EqualTo(rows));
    }

    /// <summary>An int property into a bigint column: the array's element type need not be the column's.</summary>
    private sealed record Row(long R, string? S, long? L, int? I, short? H, double? D, decimal? M, bool? B, Guid? G, int? Wide);
}
