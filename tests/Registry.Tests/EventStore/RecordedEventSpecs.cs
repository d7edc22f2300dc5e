using System.Text;
using Registry.EventStore;
using Registry.EventStore.Integrity;

namespace Registry.Tests.EventStore;

public sealed class RecordedEventSpecs(string kind) : EventLogFixture(kind)
{
    [Test]
    public async Task Given_an_appended_event_when_read_back_then_it_carries_id_type_data_metadata_recorded_utc_time_revision_and_position()
    {
        const string metadata = """{"occurredOn":"2024-05-01","principal":"officer-7","source":"hanoi-portal","correlationId":"c-1","causationId":"k-1"}""";
        var appended = Event("PrizeAwarded", """{"prize":"Techfest 2024","amount":50000000}""", meta: metadata);
        var before = DateTimeOffset.UtcNow.AddMilliseconds(-1);
        await Store.AppendAsync("competition-9", ExpectedRevision.NoStream, [Event(), appended]);
        var after = DateTimeOffset.UtcNow.AddMilliseconds(1);

        var read = (await ReadStream("competition-9"))[1];

        Assert.Multiple(() =>
        {
            Assert.That(read.EventId, Is.EqualTo(appended.EventId));
            Assert.That(read.EventType, Is.EqualTo("PrizeAwarded"));
            Assert.That(Encoding.UTF8.GetString(read.Data), Is.EqualTo("""{"prize":"Techfest 2024","amount":50000000}"""));
            Assert.That(Encoding.UTF8.GetString(read.Metadata), Is.EqualTo(metadata));
            Assert.That(read.StreamName, Is.EqualTo("competition-9"));
            Assert.That(read.StreamRevision, Is.EqualTo(1));
            Assert.That(read.Position, Is.EqualTo(2));
            Assert.That(read.Recorded.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(read.Recorded, Is.InRange(before, after));
        });
    }

    [Test]
    public async Task Given_an_event_without_metadata_when_read_back_then_its_metadata_is_an_empty_json_object()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, [Event() with { Metadata = ReadOnlyMemory<byte>.Empty }]);

        var read = (await ReadAll()).Single();

        Assert.That(Encoding.UTF8.GetString(read.Metadata), Is.EqualTo("{}"));
    }

    [Test]
    public async Task Given_several_appends_when_the_log_is_read_then_each_hash_chains_to_its_predecessor_and_recorded_time_never_goes_back()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, Events(3));
        await Store.AppendAsync("startup-2", ExpectedRevision.Any, Events(2));
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, Events(1));

        var previous = EventHash.Genesis;
        var recorded = DateTimeOffset.MinValue;
        foreach (var e in await ReadAll())
        {
            Assert.That(e.Hash, Is.EqualTo(EventHash.Compute(previous, e)), $"hash of position {e.Position}");
            Assert.That(e.Recorded, Is.GreaterThanOrEqualTo(recorded), $"recorded time of position {e.Position}");
            previous = e.Hash;
            recorded = e.Recorded;
        }
    }
}
