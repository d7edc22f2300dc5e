using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Registry.EventStore;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.EventStore;

/// <summary>Base of the conformance suite: each derived fixture runs once per adapter with a fresh log per test.</summary>
[TestFixtureSource(typeof(StoreKind), nameof(StoreKind.All))]
public abstract class EventLogFixture(string kind)
{
    protected string Kind { get; } = kind;
    protected EventStoreLocation Location { get; private set; } = null!;
    protected SqlEventStore Store { get; private set; } = null!;

    [SetUp]
    public async Task OpenStore()
    {
        Location = StoreKind.NewLocation(Kind);
        Store = await Location.OpenAsync(Limits);
    }

    [TearDown]
    public async Task CloseStore()
    {
        await Store.DisposeAsync();
        if (Location.Kind != EventStoreLocation.Sqlite) return;
        SqliteConnection.ClearAllPools(); // pooled connections keep the file open
        Directory.Delete(Path.GetDirectoryName(Location.Connection)!, recursive: true);
    }

    protected virtual AppendLimits Limits => AppendLimits.Default;

    protected static EventData Event(string type = "StartupRegistered", string json = """{"name":"Hoa Sen"}""", Guid? id = null, string meta = """{"source":"test"}""") =>
        new(id ?? Guid.NewGuid(), type, Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(meta));

    protected static EventData[] Events(int count, string type = "StartupRegistered") =>
        Enumerable.Range(0, count).Select(i => Event(type, $$"""{"n":{{i}}}""")).ToArray();

    protected async Task<List<RecordedEvent>> ReadAll(Direction direction = Direction.Forwards, long from = 1, long count = long.MaxValue, EventFilter? filter = null)
    {
        var list = new List<RecordedEvent>();
        await foreach (var e in Store.ReadAllAsync(direction, from, count, filter)) list.Add(e);
        return list;
    }

    protected async Task<List<RecordedEvent>> ReadStream(string stream, Direction direction = Direction.Forwards, long from = 0, long count = long.MaxValue)
    {
        var list = new List<RecordedEvent>();
        await foreach (var e in Store.ReadStreamAsync(stream, direction, from, count)) list.Add(e);
        return list;
    }

    /// <summary>The head position and the revisions of <paramref name="streams"/>, as one comparable line: what every
    /// error test checks is unchanged.</summary>
    protected async Task<string> LogState(params string[] streams)
    {
        var parts = new List<string> { $"head={await Store.GetHeadPositionAsync()}" };
        foreach (var s in streams) parts.Add($"{s}={(await Store.GetStreamRevisionAsync(s))?.ToString() ?? "none"}");
        return string.Join("; ", parts);
    }

    /// <summary>A plain connection to the log's database, bypassing the adapter (to try what the adapter never does).</summary>
    protected async Task<DbConnection> OpenRawConnectionAsync()
    {
        DbConnection connection = Location.Kind == EventStoreLocation.Postgres
            ? new NpgsqlConnection(Location.Connection)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Location.Connection, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
