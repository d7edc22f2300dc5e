using Registry.EventStore;

namespace Registry.Tests.EventStore;

public sealed class GlobalPositionSpecs(string kind) : EventLogFixture(kind)
{
    [Test]
    public async Task Given_an_empty_log_then_its_head_is_0_and_the_first_event_gets_position_1()
    {
        Assert.That(await Store.GetHeadPositionAsync(), Is.EqualTo(0));

        var result = await Store.AppendAsync("startup-1", ExpectedRevision.Any, [Event()]);

        Assert.That((result.FirstPosition, result.LastPosition), Is.EqualTo((1L, 1L)));
        Assert.That(await Store.GetHeadPositionAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Given_appends_to_several_streams_with_refused_appends_between_them_then_positions_stay_contiguous_without_burnt_numbers()
    {
        var e = Event();
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [e]);
        Assert.CatchAsync(() => Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]));
        await Store.AppendAsync("startup-2", ExpectedRevision.Any, Events(3));
        Assert.CatchAsync(() => Store.AppendAsync("startup-2", ExpectedRevision.Any, [e]));
        await Store.AppendAsync("startup-1", ExpectedRevision.Exact(0), Events(2));

        var positions = (await ReadAll()).Select(x => x.Position).ToList();

        Assert.That(positions, Is.EqualTo(Enumerable.Range(1, 6).Select(i => (long)i)));
        Assert.That(await Store.GetHeadPositionAsync(), Is.EqualTo(6));
    }

    [Test]
    public async Task Given_many_concurrent_appends_when_they_commit_then_each_gets_a_contiguous_range_and_together_they_cover_the_log_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Store.AppendAsync($"startup-{i % 7}", ExpectedRevision.Any, Events(1 + i % 5))));

        var ranges = results.OrderBy(r => r.FirstPosition).ToList();
        var expectedFirst = 1L;
        foreach (var r in ranges)
        {
            Assert.That(r.FirstPosition, Is.EqualTo(expectedFirst));
            expectedFirst = r.LastPosition + 1;
        }
        Assert.That(await Store.GetHeadPositionAsync(), Is.EqualTo(expectedFirst - 1));
        Assert.That((await ReadAll()).Select(x => x.Position), Is.EqualTo(Enumerable.Range(1, (int)expectedFirst - 1).Select(i => (long)i)));
    }
}
