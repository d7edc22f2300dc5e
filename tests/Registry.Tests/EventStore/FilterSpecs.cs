using Registry.EventStore;

namespace Registry.Tests.EventStore;

public sealed class FilterSpecs(string kind) : EventLogFixture(kind)
{
    [SetUp]
    public async Task EventsOfSeveralTypesAndStreams()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, [Event("StartupRegistered"), Event("StartupRenamed")]);   // 1, 2
        await Store.AppendAsync("competition-1", ExpectedRevision.Any, [Event("CompetitionHeld"), Event("PrizeAwarded")]); // 3, 4
        await Store.AppendAsync("startup_plan-1", ExpectedRevision.Any, [Event("PlanAdopted")]);                            // 5
        await Store.AppendAsync("startup-2", ExpectedRevision.Any, [Event("StartupRegistered")]);                           // 6
    }

    [Test]
    public async Task Given_an_event_type_prefix_when_all_is_read_then_only_events_of_matching_types_come()
    {
        var read = await ReadAll(filter: EventFilter.EventTypePrefix("Startup"));

        Assert.That(read.Select(e => e.Position), Is.EqualTo(new long[] { 1, 2, 6 }));
    }

    [Test]
    public async Task Given_several_event_type_prefixes_when_all_is_read_backwards_with_a_count_then_the_latest_matching_events_come()
    {
        var read = await ReadAll(Direction.Backwards, long.MaxValue, 2, EventFilter.EventTypePrefix("Prize", "Plan"));

        Assert.That(read.Select(e => e.Position), Is.EqualTo(new long[] { 5, 4 }));
    }

    [Test]
    public async Task Given_an_event_type_regex_when_all_is_read_then_only_events_whose_type_matches_come()
    {
        var read = await ReadAll(filter: EventFilter.EventTypeRegex("^(Prize|Competition)|Renamed$"));

        Assert.That(read.Select(e => e.Position), Is.EqualTo(new long[] { 2, 3, 4 }));
    }

    [Test]
    public async Task Given_a_stream_name_prefix_when_all_is_read_then_only_events_of_matching_streams_come()
    {
        var read = await ReadAll(filter: EventFilter.StreamNamePrefix("startup-"));

        Assert.That(read.Select(e => e.Position), Is.EqualTo(new long[] { 1, 2, 6 }));
    }

    [Test]
    public async Task Given_a_stream_name_regex_when_all_is_read_from_a_position_with_a_count_then_only_matching_events_from_there_come()
    {
        var read = await ReadAll(Direction.Forwards, 2, 2, EventFilter.StreamNameRegex("^(startup|competition)-"));

        Assert.That(read.Select(e => e.Position), Is.EqualTo(new long[] { 2, 3 }));
    }

    [Test]
    public async Task Given_a_rare_match_behind_more_than_a_page_of_other_events_when_filtered_either_way_then_it_is_found()
    {
        await Store.AppendAsync("training-1", ExpectedRevision.Any, Events(2500, "TrainingAttended"));
        await Store.AppendAsync("techfest-1", ExpectedRevision.Any, [Event("TechfestHeld")]);
        await Store.AppendAsync("training-1", ExpectedRevision.Any, Events(1500, "TrainingAttended"));

        var byRegex = await ReadAll(Direction.Forwards, 7, 1, EventFilter.EventTypeRegex("^Techfest"));
        var byPrefix = await ReadAll(Direction.Backwards, long.MaxValue, 2, EventFilter.StreamNamePrefix("techfest-", "startup_plan-"));

        Assert.That(byRegex.Select(e => e.Position), Is.EqualTo(new long[] { 2507 }));
        Assert.That(byPrefix.Select(e => e.Position), Is.EqualTo(new long[] { 2507, 5 }));
    }

    [Test]
    public void Given_an_invalid_regex_or_no_prefix_when_building_a_filter_then_the_error_names_the_argument()
    {
        Assert.That(() => EventFilter.EventTypeRegex("(unclosed"), Throws.ArgumentException.With.Property("ParamName").EqualTo("pattern"));
        Assert.That(() => EventFilter.StreamNamePrefix(), Throws.ArgumentException.With.Property("ParamName").EqualTo("prefixes"));
        Assert.That(() => EventFilter.EventTypePrefix(""), Throws.ArgumentException.With.Property("ParamName").EqualTo("prefixes"));
    }
}
