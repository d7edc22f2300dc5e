using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Contracts.Plans;
using Registry.Contracts.EcosystemEvents;
using Registry.Contracts.Trainings;
using Registry.Read.Metrics;
using Registry.Read.Provinces;

namespace Registry.Tests.Read.Provinces;

public sealed class ProvinceDashboardSpecs(string kind) : ReadModelFixture(kind)
{
    private async Task GivenTraining(string id, string province, int participants, DateOnly on) =>
        await Given(StreamNames.Training(id), new TrainingRecorded(id, "Tập huấn khởi nghiệp", "Sở KH&CN", province, on, on, "sinh viên",
            Figure.Exact(participants), on, "báo cáo"));

    private static decimal Figure_(Registry.Contracts.Provinces.ProvinceDashboard d, string metric) => d.Figures.Single(f => f.Metric == metric).Value;

    [Test]
    public async Task Vinh_Phuc_rolls_into_Phu_Tho_on_the_2025_map_and_stays_apart_on_the_old_one()
    {
        await GivenTheMap();
        await GivenTraining("vp", "26", 120, new DateOnly(2023, 6, 1));
        await GivenTraining("pt", "25", 80, new DateOnly(2023, 7, 1));
        await Given(StreamNames.Competition("vp-2023"), new CompetitionLaunched("vp-2023", "Cuộc thi Vĩnh Phúc 2023", "26", 2023, "Sở KH&CN", new DateOnly(2023, 3, 1), "báo"));
        await Given(StreamNames.Competition("vp-2023"), new PrizeAwarded("vp-2023", "p1", RecipientKind.Project, "x", "Dự án X", "Nhất", 10_000_000,
            new DateOnly(2023, 11, 1), "báo"));
        await Projected();

        var phuTho = await GetProvinceDashboard.RunAsync(Db, "25", "2023", "2025", null, default);
        Assert.That((phuTho!.Name, phuTho.Units), Is.EqualTo(("Phú Thọ", new[] { "17", "25", "26" })));
        Assert.That((Figure_(phuTho, PlanMetric.TrainingParticipants), Figure_(phuTho, PlanMetric.PrizesAwarded)), Is.EqualTo((200m, 1m)));

        var phuThoOld = await GetProvinceDashboard.RunAsync(Db, "25", "2023", "pre2025", null, default);
        var vinhPhucOld = await GetProvinceDashboard.RunAsync(Db, "26", "2023", "pre2025", null, default);
        Assert.That((Figure_(phuThoOld!, PlanMetric.TrainingParticipants), Figure_(phuThoOld!, PlanMetric.PrizesAwarded)), Is.EqualTo((80m, 0m)));
        Assert.That((vinhPhucOld!.Name, Figure_(vinhPhucOld, PlanMetric.TrainingParticipants), Figure_(vinhPhucOld, PlanMetric.PrizesAwarded)),
            Is.EqualTo(("Tỉnh Vĩnh Phúc", 120m, 1m)));
        Assert.That(await GetProvinceDashboard.RunAsync(Db, "26", "2023", "2025", null, default), Is.Null, "Vĩnh Phúc is no unit of the 2025 map");
    }

    [Test]
    public async Task Code_15_of_a_2023_fact_reads_as_Yen_Bai_and_of_a_2026_fact_as_Lao_Cai()
    {
        await GivenTheMap();
        await GivenTraining("yb", "15", 30, new DateOnly(2023, 5, 5));
        await GivenTraining("lc-old", "10", 40, new DateOnly(2023, 5, 6));
        await GivenTraining("lc-new", "15", 50, new DateOnly(2026, 2, 2));
        await Projected();

        var yenBai = await GetProvinceDashboard.RunAsync(Db, "15", "2023", "pre2025", null, default);
        Assert.That((yenBai!.Name, Figure_(yenBai, PlanMetric.TrainingParticipants)), Is.EqualTo(("Tỉnh Yên Bái", 30m)));
        var laoCai2023 = await GetProvinceDashboard.RunAsync(Db, "15", "2023", "2025", null, default);
        Assert.That((laoCai2023!.Name, Figure_(laoCai2023, PlanMetric.TrainingParticipants)), Is.EqualTo(("Lào Cai", 70m)));
        var laoCai2026 = await GetProvinceDashboard.RunAsync(Db, "15", "2026", "2025", null, default);
        Assert.That(Figure_(laoCai2026!, PlanMetric.TrainingParticipants), Is.EqualTo(50m));
    }

    [Test]
    public void Every_metric_a_plan_may_target_has_a_source_to_count_it_from()
    {
        Assert.That(PlanMetric.All.Where(m => MetricSources.Find(m) is null), Is.Empty);
    }

    [Test]
    public async Task The_exhibits_of_an_ecosystem_event_count_for_its_host_province_in_its_year()
    {
        await GivenTheMap();
        await Given(StreamNames.EcosystemEvent("tf"), new EcosystemEventRecorded("tf", EcosystemEventKind.TechfestRegional, "Techfest vùng",
            "Khởi nghiệp nông nghiệp", "20", ["20"], "Trung du và miền núi phía Bắc", "Bộ KH&CN", new DateOnly(2023, 11, 20), null,
            new Figure(120, FigureQualifier.AtLeast), new DateOnly(2023, 11, 20), "báo"));
        await Projected();

        var langSon = await GetProvinceDashboard.RunAsync(Db, "20", "2023", "2025", null, default);
        Assert.That(Figure_(langSon!, PlanMetric.EcosystemEventExhibits), Is.EqualTo(120m));
    }

    [Test]
    public async Task Before_the_reform_was_recorded_there_is_only_the_old_map()
    {
        await GivenTheMap(withReform: false);
        await GivenTraining("vp", "26", 120, new DateOnly(2023, 6, 1));
        await Projected();

        var provinces = await GetProvinces.RunAsync(Db, "2025", null, default);
        Assert.That(provinces.Provinces.Select(p => p.Code), Does.Contain("26"));
        var vinhPhuc = await GetProvinceDashboard.RunAsync(Db, "26", "2023", "2025", null, default);
        Assert.That(Figure_(vinhPhuc!, PlanMetric.TrainingParticipants), Is.EqualTo(120m));
    }
}
