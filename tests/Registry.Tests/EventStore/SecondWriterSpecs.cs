using Registry.EventStore;
using Registry.EventStore.Integrity;

namespace Registry.Tests.EventStore;

/// <summary>
/// Two store instances on one database (two processes, in production): neither may rely on what it remembers of the
/// log once the other has written. A writer plans its next group commit from the head it committed last (on
/// PostgreSQL); these specifications make the other writer move the head, or write a stream the first has never seen.
/// </summary>
public sealed class SecondWriterSpecs(string kind) : EventLogFixture(kind)
{
    [Test]
    public async Task Given_another_writer_moved_the_head_when_appending_then_the_events_follow_its_events_and_the_chain_holds()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);
        await using (var other = await Location.OpenAsync(Limits))
            await other.AppendAsync("startup-1", ExpectedRevision.Exact(0), [Event(), Event()]);

        var result = await Store.AppendAsync("startup-1", ExpectedRevision.Exact(2), [Event()]);

        Assert.That(result, Is.EqualTo(new AppendResult(3, 4, 4, false)));
        Assert.That((await ReadAll()).Select(e => (e.Position, e.StreamRevision)), Is.EqualTo(new[] { (1L, 0L), (2L, 1L), (3L, 2L), (4L, 3L) }));
        Assert.That((await ChainVerifier.VerifyAsync(Store)).Problem, Is.Null);
    }

    [Test]
    public async Task Given_a_stream_another_writer_wrote_when_expecting_a_later_revision_then_the_error_carries_the_real_one()
    {
        await WrittenByAnotherWriter("startup-9", 3);
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);
        var before = await LogState("startup-1", "startup-9");

        var error = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("startup-9", ExpectedRevision.Exact(5), [Event()]));

        Assert.That(error!.Actual, Is.EqualTo(2));
        Assert.That(await LogState("startup-1", "startup-9"), Is.EqualTo(before));
    }

    [Test]
    public async Task Given_a_stream_another_writer_wrote_when_expecting_an_earlier_revision_or_no_stream_then_the_error_carries_the_real_one()
    {
        await WrittenByAnotherWriter("startup-9", 3);
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);
        var before = await LogState("startup-1", "startup-9");

        var earlier = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("startup-9", ExpectedRevision.Exact(0), [Event()]));
        var none = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("startup-9", ExpectedRevision.NoStream, [Event()]));

        Assert.That((earlier!.Actual, none!.Actual), Is.EqualTo(((long?)2, (long?)2)));
        Assert.That(await LogState("startup-1", "startup-9"), Is.EqualTo(before));
    }

    [Test]
    public async Task Given_a_stream_another_writer_wrote_when_appending_with_any_then_the_events_go_after_its_end()
    {
        await WrittenByAnotherWriter("startup-9", 3);
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);

        var result = await Store.AppendAsync("startup-9", ExpectedRevision.Any, [Event(), Event()]);

        Assert.That(result.NextExpectedRevision, Is.EqualTo(4));
        Assert.That((await ReadStream("startup-9")).Select(e => e.StreamRevision), Is.EqualTo(new long[] { 0, 1, 2, 3, 4 }));
    }

    [Test]
    public async Task Given_an_append_another_writer_recorded_when_retried_here_then_the_original_positions_are_returned()
    {
        var events = new[] { Event(), Event() };
        AppendResult first;
        await using (var other = await Location.OpenAsync(Limits))
            first = await other.AppendAsync("startup-9", ExpectedRevision.NoStream, events);
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);

        var retry = await Store.AppendAsync("startup-9", ExpectedRevision.NoStream, events);

        Assert.That(retry, Is.EqualTo(first with { AlreadyAppended = true }));
        Assert.That(await Store.GetHeadPositionAsync(), Is.EqualTo(3));
    }

    private async Task WrittenByAnotherWriter(string stream, int events)
    {
        await using var other = await Location.OpenAsync(Limits);
        await other.AppendAsync(stream, ExpectedRevision.NoStream, Events(events));
    }
}
