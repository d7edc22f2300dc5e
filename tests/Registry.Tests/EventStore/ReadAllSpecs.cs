using Registry.EventStore;

namespace Registry.Tests.EventStore;

public sealed class ReadAllSpecs(string kind) : EventLogFixture(kind)
{
    [SetUp]
    public async Task TenEventsInThreeStreams()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, Events(4));
        await Store.AppendAsync("startup-2", ExpectedRevision.Any, Events(3));
        await Store.AppendAsync("prize-1", ExpectedRevision.Any, Events(3));
    }

    [Test]
    public async Task Given_a_log_when_all_is_read_forwards_from_a_position_with_a_count_then_that_many_events_come_in_position_order()
    {
        var read = await ReadAll(Direction.Forwards, from: 3, count: 4);

        Assert.That(read.Select(e => e.Position), Is.EqualTo(new long[] { 3, 4, 5, 6 }));
        Assert.That(read.Select(e => e.StreamName), Is.EqualTo(new[] { "startup-1", "startup-1", "startup-2", "startup-2" }));
    }

    [Test]
    public async Task Given_a_log_when_all_is_read_backwards_from_a_position_then_the_events_come_in_reverse_position_order()
    {
        var read = await ReadAll(Direction.Backwards, from: 6, count: 3);

        Assert.That(read.Select(e => e.Position), Is.EqualTo(new long[] { 6, 5, 4 }));
    }

    [Test]
    public async Task Given_a_log_when_all_is_read_backwards_from_the_end_then_the_last_event_comes_first()
    {
        var read = await ReadAll(Direction.Backwards, from: long.MaxValue);

        Assert.That(read.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, 10).Reverse().Select(i => (long)i)));
    }

    [Test]
    public async Task Given_a_log_when_read_from_past_its_head_or_before_its_start_then_nothing_comes()
    {
        Assert.That(await ReadAll(Direction.Forwards, from: 11), Is.Empty);
        Assert.That(await ReadAll(Direction.Backwards, from: 0), Is.Empty);
    }

    [Test]
    public async Task Given_a_log_longer_than_a_page_when_all_is_read_either_way_then_every_position_comes_once_in_order()
    {
        await Store.AppendAsync("training-1", ExpectedRevision.Any, Events(2490));

        var forwards = await ReadAll();
        var backwards = await ReadAll(Direction.Backwards, from: 2200, count: 1500);

        Assert.That(forwards.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, 2500).Select(i => (long)i)));
        Assert.That(backwards.Select(e => e.Position), Is.EqualTo(Enumerable.Range(701, 1500).Reverse().Select(i => (long)i)));
    }
}
