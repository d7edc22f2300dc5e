using Registry.EventStore;

namespace Registry.Tests.EventStore;

/// <summary>
/// An append conditioned on other streams' revisions (<see cref="StreamCondition"/>): a decision that consulted a
/// second stream (a prize's recipient) is written only while that stream is as it was read, in the same transaction.
/// </summary>
public sealed class ConditionalAppendSpecs(string kind) : EventLogFixture(kind)
{
    [Test]
    public async Task Given_the_consulted_stream_as_read_when_appending_on_that_condition_then_the_events_are_written()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);

        var result = await Store.AppendAsync("competition-1", ExpectedRevision.NoStream, [Event("PrizeAwarded")],
            [new StreamCondition("startup-1", ExpectedRevision.Exact(0))]);

        Assert.That(result, Is.EqualTo(new AppendResult(0, 2, 2, false)));
    }

    [Test]
    public async Task Given_the_consulted_stream_changed_since_it_was_read_when_appending_on_the_old_revision_then_it_is_refused_naming_that_stream_and_nothing_is_written()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);
        await Store.AppendAsync("startup-1", ExpectedRevision.Exact(0), [Event("FactRetracted")]);
        var before = await LogState("startup-1", "competition-1");

        var error = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("competition-1", ExpectedRevision.NoStream,
            [Event("PrizeAwarded")], [new StreamCondition("startup-1", ExpectedRevision.Exact(0))]));

        Assert.That((error!.Stream, error.Expected, error.Actual), Is.EqualTo(("startup-1", ExpectedRevision.Exact(0), (long?)1)));
        Assert.That(error.Message, Does.Contain("competition-1").And.Contain("startup-1"));
        Assert.That(await LogState("startup-1", "competition-1"), Is.EqualTo(before));
    }

    [Test]
    public async Task Given_a_consulted_stream_that_was_read_as_missing_when_it_exists_by_then_the_append_is_refused()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);

        var error = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("competition-1", ExpectedRevision.NoStream,
            [Event("PrizeAwarded")], [new StreamCondition("startup-1", ExpectedRevision.NoStream)]));

        Assert.That((error!.Stream, error.Actual), Is.EqualTo(("startup-1", (long?)0)));
        Assert.That(await Store.GetStreamRevisionAsync("competition-1"), Is.Null);
    }

    [Test]
    public async Task Given_a_conditional_append_recorded_when_it_is_retried_after_the_consulted_stream_moved_then_it_is_answered_as_before()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);
        var award = Event("PrizeAwarded");
        var first = await Store.AppendAsync("competition-1", ExpectedRevision.NoStream, [award], [new StreamCondition("startup-1", ExpectedRevision.Exact(0))]);
        await Store.AppendAsync("startup-1", ExpectedRevision.Exact(0), [Event("FactRetracted")]);

        var retry = await Store.AppendAsync("competition-1", ExpectedRevision.NoStream, [award], [new StreamCondition("startup-1", ExpectedRevision.Exact(0))]);

        Assert.That(retry, Is.EqualTo(first with { AlreadyAppended = true }));
    }

    /// <summary>
    /// The writer has never read the consulted stream and takes the condition's revision on trust when it plans the
    /// commit (on PostgreSQL, without reading): the database must still find the stream longer than that.
    /// </summary>
    [Test]
    public async Task Given_a_consulted_stream_another_writer_made_longer_when_appending_on_an_older_revision_then_it_is_refused()
    {
        await using (var other = await Location.OpenAsync(Limits))
            await other.AppendAsync("startup-9", ExpectedRevision.NoStream, Events(3));
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);
        var before = await LogState("startup-9", "competition-1");

        var error = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("competition-1", ExpectedRevision.NoStream,
            [Event("PrizeAwarded")], [new StreamCondition("startup-9", ExpectedRevision.Exact(1))]));

        Assert.That((error!.Stream, error.Actual), Is.EqualTo(("startup-9", (long?)2)));
        Assert.That(await LogState("startup-9", "competition-1"), Is.EqualTo(before));
    }

    [Test]
    public void A_condition_on_the_stream_appended_to_or_on_a_malformed_stream_name_is_refused_naming_the_condition()
    {
        var self = Assert.ThrowsAsync<InvalidAppendException>(() => Store.AppendAsync("competition-1", ExpectedRevision.NoStream, [Event()],
            [new StreamCondition("competition-1", ExpectedRevision.NoStream)]));
        var malformed = Assert.ThrowsAsync<InvalidAppendException>(() => Store.AppendAsync("competition-1", ExpectedRevision.NoStream, [Event()],
            [new StreamCondition("startup-1", ExpectedRevision.Exact(0)), new StreamCondition("", ExpectedRevision.NoStream)]));

        Assert.That((self!.Field, malformed!.Field), Is.EqualTo(("conditions[0].stream", "conditions[1].stream")));
    }
}
