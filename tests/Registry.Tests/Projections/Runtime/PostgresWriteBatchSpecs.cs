using Npgsql;
using Registry.Projections.Runtime;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Projections.Runtime;

/// <summary>
/// Writes queued on PostgreSQL: plain inserts between two other statements are gathered and written many rows per
/// statement, and every other statement still runs after exactly the writes queued before it.
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
            // 300 rows before the update and 41 after: every size of statement, and a run cut by the update.
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
}
