using Registry.EventStore;

namespace Registry.Tests.EventStore;

public sealed class ExpectedRevisionSpecs(string kind) : EventLogFixture(kind)
{
    [Test]
    public async Task No_stream_creates_the_stream_at_revision_0()
    {
        var result = await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event(), Event()]);
        Assert.That(result.NextExpectedRevision, Is.EqualTo(1));
        Assert.That((result.FirstPosition, result.LastPosition), Is.EqualTo((1L, 2L)));
        Assert.That((await ReadStream("startup-1")).Select(e => e.StreamRevision), Is.EqualTo(new long[] { 0, 1 }));
    }

    [Test]
    public async Task A_mismatch_is_a_typed_error_with_the_actual_revision_and_writes_nothing()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event(), Event()]);
        var error = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("startup-1", ExpectedRevision.Exact(0), [Event()]));
        Assert.That(error!.Actual, Is.EqualTo(1));
        Assert.That(error.Expected, Is.EqualTo(ExpectedRevision.Exact(0)));
        Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]));
        var missing = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("startup-2", ExpectedRevision.StreamExists, [Event()]));
        Assert.That(missing!.Actual, Is.Null);
        Assert.That(await Store.GetHeadPositionAsync(), Is.EqualTo(2));
    }

    [Test]
    public async Task Exact_stream_exists_and_any_succeed_when_they_hold()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, [Event()]);
        await Store.AppendAsync("startup-1", ExpectedRevision.Exact(0), [Event()]);
        await Store.AppendAsync("startup-1", ExpectedRevision.StreamExists, [Event()]);
        var last = await Store.AppendAsync("startup-1", ExpectedRevision.Any, [Event()]);
        Assert.That(last.NextExpectedRevision, Is.EqualTo(3));
        Assert.That(await Store.GetStreamRevisionAsync("startup-1"), Is.EqualTo(3));
        Assert.That(await Store.GetStreamRevisionAsync("startup-2"), Is.Null);
    }
}
