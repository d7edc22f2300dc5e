using System.Data.Common;
using Registry.EventStore;

namespace Registry.Tests.EventStore;

public sealed class AppendOnlySpecs(string kind) : EventLogFixture(kind)
{
    private async Task<DbException> RawStatementFails(string sql)
    {
        await using var connection = await OpenRawConnectionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        DbException? error = null;
        try { await cmd.ExecuteNonQueryAsync(); }
        catch (DbException e) { error = e; }
        Assert.That(error, Is.Not.Null, $"the database accepted: {sql}");
        return error!;
    }

    [Test]
    public async Task Given_recorded_events_when_raw_sql_tries_to_update_one_then_the_database_refuses_and_the_event_is_unchanged()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event("StartupRegistered")]);
        var before = await ReadAll();

        var error = await RawStatementFails("UPDATE events SET event_type = 'Forged' WHERE position = 1");

        Assert.That(error.Message, Does.Contain("immutable"));
        var after = await ReadAll();
        Assert.That(after.Single().EventType, Is.EqualTo("StartupRegistered"));
        Assert.That(after.Single().Hash, Is.EqualTo(before.Single().Hash));
    }

    [Test]
    public async Task Given_recorded_events_when_raw_sql_tries_to_delete_them_then_the_database_refuses_and_the_log_is_unchanged()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, Events(3));
        var before = await LogState("startup-1");

        await RawStatementFails("DELETE FROM events WHERE position = 3");
        await RawStatementFails("DELETE FROM events");

        Assert.That(await LogState("startup-1"), Is.EqualTo(before));
        Assert.That(await ReadAll(), Has.Count.EqualTo(3));
    }
}
