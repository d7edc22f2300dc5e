using Registry.EventStore;

namespace Registry.Tests.EventStore;

public sealed class IdempotentAppendSpecs(string kind) : EventLogFixture(kind)
{
    [Test]
    public async Task Given_an_append_when_the_same_events_are_appended_again_at_the_same_place_then_it_succeeds_with_the_original_positions_and_writes_nothing()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);
        var events = Events(3);
        var first = await Store.AppendAsync("startup-1", ExpectedRevision.Exact(0), events);
        await Store.AppendAsync("startup-2", ExpectedRevision.NoStream, [Event()]);
        var before = await LogState("startup-1", "startup-2");

        var retry = await Store.AppendAsync("startup-1", ExpectedRevision.Exact(0), events);

        Assert.That(retry, Is.EqualTo(first with { AlreadyAppended = true }));
        Assert.That(await LogState("startup-1", "startup-2"), Is.EqualTo(before));
    }

    [TestCase("any")]
    [TestCase("no stream")]
    [TestCase("stream exists")]
    public async Task Given_an_append_that_created_a_stream_when_retried_with_any_kind_of_expectation_that_held_then_it_is_answered_idempotently(string expectation)
    {
        var events = Events(2);
        var first = await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, events);
        var expected = expectation switch { "any" => ExpectedRevision.Any, "no stream" => ExpectedRevision.NoStream, _ => ExpectedRevision.StreamExists };

        var retry = await Store.AppendAsync("startup-1", expected, events);

        Assert.That((retry.FirstPosition, retry.LastPosition, retry.NextExpectedRevision, retry.AlreadyAppended), Is.EqualTo((first.FirstPosition, first.LastPosition, 1L, true)));
        Assert.That(await LogState("startup-1"), Is.EqualTo("head=2; startup-1=1"));
    }

    [Test]
    public async Task Given_a_recorded_event_when_its_id_is_appended_with_different_content_then_it_is_a_duplicate_id_error_and_nothing_is_written()
    {
        var original = Event(json: """{"name":"Hoa Sen"}""");
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [original]);
        var before = await LogState("startup-1");

        var changed = Assert.ThrowsAsync<DuplicateEventIdException>(() =>
            Store.AppendAsync("startup-1", ExpectedRevision.Any, [original with { Data = """{"name":"Sen Vang"}"""u8.ToArray() }]));
        var retyped = Assert.ThrowsAsync<DuplicateEventIdException>(() =>
            Store.AppendAsync("startup-1", ExpectedRevision.Any, [original with { EventType = "StartupRenamed" }]));

        Assert.That(changed!.EventId, Is.EqualTo(original.EventId));
        Assert.That(retyped!.EventId, Is.EqualTo(original.EventId));
        Assert.That(await LogState("startup-1"), Is.EqualTo(before));
    }

    [Test]
    public async Task Given_a_recorded_append_when_only_part_of_it_is_appended_again_with_new_events_then_it_is_an_error_and_nothing_is_written()
    {
        var events = Events(2);
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, events);
        var before = await LogState("startup-1");

        Assert.ThrowsAsync<DuplicateEventIdException>(() => Store.AppendAsync("startup-1", ExpectedRevision.Any, [events[1], Event()]));
        Assert.ThrowsAsync<DuplicateEventIdException>(() => Store.AppendAsync("startup-1", ExpectedRevision.Any, [Event(), events[0]]));

        Assert.That(await LogState("startup-1"), Is.EqualTo(before));
    }

    [Test]
    public async Task Given_a_recorded_event_when_its_id_is_appended_to_another_stream_then_it_is_a_duplicate_id_error_and_nothing_is_written()
    {
        var e = Event();
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [e]);
        var before = await LogState("startup-1", "startup-2");

        var error = Assert.ThrowsAsync<DuplicateEventIdException>(() => Store.AppendAsync("startup-2", ExpectedRevision.Any, [e]));

        Assert.That(error!.Message, Does.Contain("startup-1"));
        Assert.That(await LogState("startup-1", "startup-2"), Is.EqualTo(before));
    }

    [Test]
    public async Task Given_a_recorded_append_when_retried_with_an_exact_revision_that_does_not_lead_to_it_then_it_is_refused_and_nothing_is_written()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);
        var events = Events(2);
        await Store.AppendAsync("startup-1", ExpectedRevision.Exact(0), events);
        var before = await LogState("startup-1");

        var error = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync("startup-1", ExpectedRevision.Exact(1), events));

        Assert.That(error!.Actual, Is.EqualTo(2));
        Assert.That(await LogState("startup-1"), Is.EqualTo(before));
    }

    [Test]
    public async Task Given_the_same_id_twice_in_one_append_then_it_is_refused_naming_the_second_event()
    {
        var e = Event();

        var error = Assert.ThrowsAsync<InvalidAppendException>(() => Store.AppendAsync("startup-1", ExpectedRevision.Any, [e, Event(), e]));

        Assert.That(error!.Field, Is.EqualTo("events[2].id"));
        Assert.That(await LogState("startup-1"), Is.EqualTo("head=0; startup-1=none"));
    }

    [Test]
    public async Task Given_the_same_append_sent_twice_at_once_when_both_commit_then_both_succeed_with_the_same_positions_and_the_events_are_written_once()
    {
        var events = Events(3);

        var results = await Task.WhenAll(
            Store.AppendAsync("startup-1", ExpectedRevision.NoStream, events),
            Store.AppendAsync("startup-1", ExpectedRevision.NoStream, events));

        Assert.That(results.Select(r => (r.FirstPosition, r.LastPosition)).Distinct(), Is.EqualTo(new[] { (1L, 3L) }));
        Assert.That(results.Count(r => r.AlreadyAppended), Is.EqualTo(1));
        Assert.That(await LogState("startup-1"), Is.EqualTo("head=3; startup-1=2"));
    }
}
