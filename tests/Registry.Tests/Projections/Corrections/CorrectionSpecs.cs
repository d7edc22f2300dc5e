using System.Globalization;
using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.Contracts.Plans;
using Registry.Contracts.Startups;
using Registry.Contracts.Trainings;
using Registry.EventStore;
using Registry.Read.Provinces;
using Registry.Read.Startups;
using Registry.Tests.Read;

namespace Registry.Tests.Projections.Corrections;

public sealed class CorrectionSpecs(string kind) : ReadModelFixture(kind)
{
    private static TrainingRecorded Training(int participants) => new("t1", "Tập huấn", "Sở KH&CN", "20", new DateOnly(2023, 6, 1),
        new DateOnly(2023, 6, 2), "doanh nghiệp", Figure.Exact(participants), new DateOnly(2023, 6, 2), "báo cáo 2023");

    private async Task<decimal> Participants(string? asOf) =>
        (await GetProvinceDashboard.RunAsync(Db, "20", "2023", "2025", asOf, default))!.Figures.Single(f => f.Metric == PlanMetric.TrainingParticipants).Value;

    [Test]
    public async Task A_correction_recorded_later_changes_todays_answer_but_not_the_answer_as_of_before_it()
    {
        await GivenTheMap();
        var (original, before) = await Given(StreamNames.Training("t1"), Training(100));
        var recordedBefore = await RecordedAt(before);
        await Given(StreamNames.Training("t1"), new FactCorrected(original, nameof(TrainingRecorded),
            JsonSerializer.SerializeToElement(Training(150), RegistryJson.Options), "báo cáo sai", new DateOnly(2024, 3, 1), "công văn 2024"));
        await Projected();

        Assert.That(await Participants(null), Is.EqualTo(150m));
        Assert.That(await Participants(before.ToString(CultureInfo.InvariantCulture)), Is.EqualTo(100m));
        Assert.That(await Participants(recordedBefore.ToString("O", CultureInfo.InvariantCulture)), Is.EqualTo(100m), "a timestamp maps to the last position recorded by then");
    }

    [Test]
    public async Task A_retraction_removes_the_fact_from_its_position_on_and_a_second_correction_replaces_the_first()
    {
        await GivenTheMap();
        var (original, _) = await Given(StreamNames.Training("t1"), Training(100));
        var (first, afterFirst) = await Given(StreamNames.Training("t1"), new FactCorrected(original, nameof(TrainingRecorded),
            JsonSerializer.SerializeToElement(Training(150), RegistryJson.Options), "sai", new DateOnly(2024, 3, 1), "công văn 1"));
        var (_, afterSecond) = await Given(StreamNames.Training("t1"), new FactCorrected(first, nameof(TrainingRecorded),
            JsonSerializer.SerializeToElement(Training(170), RegistryJson.Options), "sai nữa", new DateOnly(2024, 4, 1), "công văn 2"));
        var (_, afterRetraction) = await Given(StreamNames.Training("t1"), new FactRetracted(original, nameof(TrainingRecorded), "không có", new DateOnly(2024, 5, 1), "thanh tra"));
        await Projected();

        Assert.That(await Participants(afterFirst.ToString(CultureInfo.InvariantCulture)), Is.EqualTo(150m));
        Assert.That(await Participants(afterSecond.ToString(CultureInfo.InvariantCulture)), Is.EqualTo(170m));
        Assert.That(await Participants((afterRetraction - 1).ToString(CultureInfo.InvariantCulture)), Is.EqualTo(170m));
        Assert.That(await Participants(null), Is.EqualTo(0m));
    }

    [Test]
    public async Task Correcting_a_relocation_moves_the_startup_from_the_correction_on()
    {
        await GivenTheMap();
        await Given(StreamNames.Startup("s"), new StartupRegistered("s", "Trà Hoa Vàng", "20", ["agritech"], StartupStage.Idea, null, [], null, null,
            new DateOnly(2022, 1, 1), "portal"));
        var (moved, afterMove) = await Given(StreamNames.Startup("s"), new StartupRelocated("s", "20", "66", new DateOnly(2023, 1, 1), "portal"));
        await Given(StreamNames.Startup("s"), new StartupProfileUpdated("s", null, null, StartupStage.Project, null, null, null, new DateOnly(2023, 2, 1), "portal"));
        await Given(StreamNames.Startup("s"), new FactCorrected(moved, nameof(StartupRelocated),
            JsonSerializer.SerializeToElement(new StartupRelocated("s", "20", "25", new DateOnly(2023, 1, 1), "portal"), RegistryJson.Options),
            "nhầm tỉnh", new DateOnly(2024, 1, 1), "portal"));
        await Projected();

        var now = (await SearchStartups.RunAsync(Db, new StartupQuery(Q: "tra hoa vang"), default)).Items.Single();
        Assert.That((now.ProvinceCode, now.Stage), Is.EqualTo(("25", "Project")));
        var then = (await SearchStartups.RunAsync(Db, new StartupQuery(Q: "tra hoa vang", AsOf: afterMove.ToString(CultureInfo.InvariantCulture)), default)).Items.Single();
        Assert.That((then.ProvinceCode, then.Stage), Is.EqualTo(("66", "Idea")));
    }

    [Test]
    public async Task A_correction_re_derives_a_stream_whose_relocation_was_recorded_before_the_registration()
    {
        // Appends in flight can land a startup's relocation before its registration: re-applying the stream must not
        // use what the batch knew of the startup before the correction (it once opened a second current version).
        await GivenTheMap();
        var (early, _) = await Given(StreamNames.Startup("s"), new StartupRelocated("s", "", "66", new DateOnly(2022, 1, 1), "portal"));
        await Given(StreamNames.Startup("s"), new StartupRegistered("s", "Trà Hoa Vàng", "20", ["agritech"], StartupStage.Idea, null, [], null, null,
            new DateOnly(2022, 2, 1), "portal"));
        await Given(StreamNames.Startup("s"), new FactCorrected(early, nameof(StartupRelocated),
            JsonSerializer.SerializeToElement(new StartupRelocated("s", "", "25", new DateOnly(2022, 1, 1), "portal"), RegistryJson.Options),
            "nhầm tỉnh", new DateOnly(2024, 1, 1), "portal"));
        await Projected();

        var now = (await SearchStartups.RunAsync(Db, new StartupQuery(Q: "tra hoa vang"), default)).Items.Single();
        Assert.That(now.ProvinceCode, Is.EqualTo("20"), "a relocation before the registration changes nothing, corrected or not");
    }

    private async Task<DateTimeOffset> RecordedAt(long position)
    {
        await foreach (var e in Store.ReadAllAsync(Direction.Forwards, position, 1)) return e.Recorded;
        throw new InvalidOperationException($"no event at {position}");
    }
}
