using Registry.EventStore;

namespace Registry.Tests.EventStore;

public sealed class ReadStreamSpecs(string kind) : EventLogFixture(kind)
{
    [SetUp]
    public async Task TwoInterleavedStreams()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.AppendAsync("startup-1", ExpectedRevision.Any, Events(2));
            await Store.AppendAsync("startup-2", ExpectedRevision.Any, Events(1));
        }
    }

    [Test]
    public async Task Given_a_stream_when_read_forwards_from_a_revision_with_a_count_then_that_many_events_come_in_revision_order()
    {
        var read = await ReadStream("startup-1", Direction.Forwards, from: 3, count: 4);

        Assert.That(read.Select(e => e.StreamRevision), Is.EqualTo(new long[] { 3, 4, 5, 6 }));
        Assert.That(read.Select(e => e.StreamName).Distinct(), Is.EqualTo(new[] { "startup-1" }));
    }

    [Test]
    public async Task Given_a_stream_when_read_backwards_from_a_revision_with_a_count_then_that_many_events_come_in_reverse_order()
    {
        var read = await ReadStream("startup-1", Direction.Backwards, from: 5, count: 3);

        Assert.That(read.Select(e => e.StreamRevision), Is.EqualTo(new long[] { 5, 4, 3 }));
    }

    [Test]
    public async Task Given_a_stream_when_read_backwards_from_the_end_then_the_latest_events_come_first()
    {
        var read = await ReadStream("startup-1", Direction.Backwards, from: long.MaxValue, count: 2);

        Assert.That(read.Select(e => e.StreamRevision), Is.EqualTo(new long[] { 9, 8 }));
    }

    [Test]
    public async Task Given_a_stream_when_read_in_full_either_way_then_positions_follow_revisions()
    {
        var forwards = await ReadStream("startup-2");
        var backwards = await ReadStream("startup-2", Direction.Backwards, from: long.MaxValue);

        Assert.That(forwards.Select(e => e.Position), Is.EqualTo(new long[] { 3, 6, 9, 12, 15 }));
        Assert.That(backwards.Select(e => e.Position), Is.EqualTo(new long[] { 15, 12, 9, 6, 3 }));
    }

    [Test]
    public async Task Given_a_missing_stream_or_a_revision_past_the_end_when_read_then_nothing_comes()
    {
        Assert.That(await ReadStream("startup-404"), Is.Empty);
        Assert.That(await ReadStream("startup-2", Direction.Forwards, from: 5), Is.Empty);
        Assert.That(await ReadStream("startup-2", Direction.Backwards, from: -1), Is.Empty);
    }

    [Test]
    public async Task Given_a_stream_longer_than_a_page_when_read_either_way_then_every_revision_comes_once_in_order()
    {
        await Store.AppendAsync("training-1", ExpectedRevision.NoStream, Events(2500));

        var forwards = await ReadStream("training-1", Direction.Forwards, from: 100, count: 2000);
        var backwards = await ReadStream("training-1", Direction.Backwards, from: long.MaxValue);

        Assert.That(forwards.Select(e => e.StreamRevision), Is.EqualTo(Enumerable.Range(100, 2000).Select(i => (long)i)));
        Assert.That(backwards.Select(e => e.StreamRevision), Is.EqualTo(Enumerable.Range(0, 2500).Reverse().Select(i => (long)i)));
    }
}
