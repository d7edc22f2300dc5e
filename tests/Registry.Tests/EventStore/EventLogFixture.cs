using System.Text;
using Registry.EventStore;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.EventStore;

/// <summary>Base of the conformance suite: each derived fixture runs once per adapter with a fresh log per test.</summary>
[TestFixtureSource(typeof(StoreKind), nameof(StoreKind.All))]
public abstract class EventLogFixture(string kind)
{
    protected string Kind { get; } = kind;
    protected SqlEventStore Store { get; private set; } = null!;

    [SetUp]
    public async Task OpenStore() => Store = await StoreKind.OpenNewAsync(Kind, Limits);

    [TearDown]
    public async Task CloseStore() => await Store.DisposeAsync();

    protected virtual AppendLimits Limits => AppendLimits.Default;

    protected static EventData Event(string type = "StartupRegistered", string json = """{"name":"Hoa Sen"}""", Guid? id = null, string meta = """{"source":"test"}""") =>
        new(id ?? Guid.NewGuid(), type, Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(meta));

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
}
