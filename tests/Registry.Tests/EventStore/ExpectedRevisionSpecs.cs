using Registry.EventStore;

namespace Registry.Tests.EventStore;

public sealed class ExpectedRevisionSpecs(string kind) : EventLogFixture(kind)
{
    [Test]
    public async Task Given_no_stream_when_appending_with_no_stream_then_the_stream_starts_at_revision_0()
    {
        var result = await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event(), Event()]);

        Assert.That(result, Is.EqualTo(new AppendResult(1, 1, 2, false)));
        Assert.That((await ReadStream("startup-1")).Select(e => e.StreamRevision), Is.EqualTo(new long[] { 0, 1 }));
    }

    [Test]
    public async Task Given_a_stream_when_exact_stream_exists_and_any_hold_then_each_append_succeeds()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, [Event()]);
        await Store.AppendAsync("startup-1", ExpectedRevision.Exact(0), [Event()]);
        await Store.AppendAsync("startup-1", ExpectedRevision.StreamExists, [Event()]);
        var last = await Store.AppendAsync("startup-1", ExpectedRevision.Any, [Event()]);

        Assert.That(last.NextExpectedRevision, Is.EqualTo(3));
        Assert.That(await Store.GetStreamRevisionAsync("startup-1"), Is.EqualTo(3));
        Assert.That(await Store.GetStreamRevisionAsync("startup-2"), Is.Null);
    }

    [Test]
    public async Task Given_a_stream_at_revision_1_when_expecting_exact_0_then_the_error_carries_revision_1_and_nothing_is_written()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event(), Event()]);
        var before = await LogState("startup-1");

        var error = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("startup-1", ExpectedRevision.Exact(0), [Event()]));

        Assert.That((error!.Stream, error.Expected, error.Actual), Is.EqualTo(("startup-1", ExpectedRevision.Exact(0), (long?)1)));
        Assert.That(await LogState("startup-1"), Is.EqualTo(before));
    }

    [Test]
    public async Task Given_a_stream_when_expecting_no_stream_then_the_error_carries_its_revision_and_nothing_is_written()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event(), Event(), Event()]);
        var before = await LogState("startup-1");

        var error = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]));

        Assert.That(error!.Actual, Is.EqualTo(2));
        Assert.That(await LogState("startup-1"), Is.EqualTo(before));
    }

    [Test]
    public async Task Given_no_stream_when_expecting_stream_exists_or_an_exact_revision_then_the_error_carries_no_revision_and_nothing_is_written()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);
        var before = await LogState("startup-1", "startup-2");

        var exists = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("startup-2", ExpectedRevision.StreamExists, [Event()]));
        var exact = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("startup-2", ExpectedRevision.Exact(0), [Event()]));

        Assert.That(exists!.Actual, Is.Null);
        Assert.That(exact!.Actual, Is.Null);
        Assert.That(await LogState("startup-1", "startup-2"), Is.EqualTo(before));
    }

    [Test]
    public async Task Given_a_refused_append_among_concurrent_ones_when_they_commit_together_then_only_the_refused_one_is_left_out()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);

        var good = Enumerable.Range(2, 5).Select(i => Store.AppendAsync($"startup-{i}", ExpectedRevision.NoStream, [Event()])).ToList();
        var bad = Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);
        await Task.WhenAll(good);

        Assert.ThrowsAsync<WrongExpectedRevisionException>(() => bad);
        Assert.That(await LogState("startup-1"), Is.EqualTo("head=6; startup-1=0"));
        Assert.That((await ReadAll()).Select(e => e.Position), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6 }));
    }
}
