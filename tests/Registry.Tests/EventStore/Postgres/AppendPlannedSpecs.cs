using Npgsql;
using Registry.EventStore;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.EventStore.Postgres;

/// <summary>
/// The server side of a planned group commit on PostgreSQL (<c>append_planned</c>): it writes only on the head the
/// batch was planned on, position and hash, since a batch planned behind one that was refused and committed again
/// with as many events would otherwise find the same position under another hash and break the chain.
/// </summary>
[TestFixture]
public sealed class AppendPlannedSpecs
{
    [Test]
    public async Task Given_the_head_at_the_planned_position_under_another_hash_when_a_planned_batch_arrives_then_it_is_refused_and_nothing_is_written()
    {
        await using var connection = await LogOfOneEventAsync();

        var error = Assert.ThrowsAsync<PostgresException>(() => AppendPlanned(connection, expectedPosition: 1, expectedHash: new byte[32]));

        Assert.That(error!.SqlState, Is.EqualTo("RG001"));
        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM events), (SELECT position FROM log_head)", connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.That((reader.GetInt64(0), reader.GetInt64(1)), Is.EqualTo((1L, 1L)));
    }

    [Test]
    public async Task Given_the_head_at_the_planned_position_and_hash_when_a_planned_batch_arrives_then_it_is_written()
    {
        await using var connection = await LogOfOneEventAsync();
        await using var head = new NpgsqlCommand("SELECT hash FROM log_head", connection);
        var hash = (byte[])(await head.ExecuteScalarAsync())!;

        await AppendPlanned(connection, expectedPosition: 1, expectedHash: hash);

        await using var count = new NpgsqlCommand("SELECT count(*) FROM events", connection);
        Assert.That(await count.ExecuteScalarAsync(), Is.EqualTo(2L));
    }

    /// <summary>A new log holding one event, appended through the adapter, and a plain connection to its database.</summary>
    private static async Task<NpgsqlConnection> LogOfOneEventAsync()
    {
        var location = StoreKind.NewLocation(StoreKind.Postgres);
        await using (var store = await location.OpenAsync())
            await store.AppendAsync("startup-1", ExpectedRevision.NoStream, [new EventData(Guid.NewGuid(), "StartupRegistered", "{}"u8.ToArray(), "{}"u8.ToArray())]);
        var connection = new NpgsqlConnection(location.Connection);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>One event (startup-2, revision 0) planned at position 2 on the given head.</summary>
    private static async Task AppendPlanned(NpgsqlConnection connection, long expectedPosition, byte[] expectedHash)
    {
        await using var cmd = new NpgsqlCommand("SELECT append_planned($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)", connection);
        object[] values =
        [
            expectedPosition, expectedHash, expectedPosition + 1, new byte[32], 1L,
            new[] { "startup-2" }, new[] { -1L },
            new[] { expectedPosition + 1 }, new[] { "startup-2" }, new[] { 0L }, new[] { Guid.NewGuid() }, new[] { "StartupRegistered" },
            new[] { "{}"u8.ToArray() }, new[] { "{}"u8.ToArray() }, new[] { 1L }, new[] { new byte[32] },
        ];
        foreach (var value in values) cmd.Parameters.Add(new NpgsqlParameter { Value = value });
        await cmd.ExecuteNonQueryAsync();
    }
}
