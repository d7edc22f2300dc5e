using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Contracts.Corrections;
using Registry.Contracts.Organizations;
using Registry.Contracts.Startups;
using Registry.Contracts.Plans;
using Registry.Read;
using Registry.Read.Plans;
using Registry.Read.Provenance;
using Registry.Read.Provinces;
using Registry.Tests.Read;

namespace Registry.Tests.Audit;

/// <summary>Provenance and valid time: a figure lists the events it was computed from; validOn keeps what was true by a date.</summary>
public sealed class ExplainSpecs(string kind) : ReadModelFixture(kind)
{
    private static PrizeAwarded Prize(string competition, string id, DateOnly on, string source) =>
        new(competition, id, RecipientKind.Project, "r-" + id, "Dự án " + id, "KK", null, on, source);

    [Test]
    public async Task A_dashboard_figure_lists_the_events_of_its_rows_with_their_sources_and_a_retracted_fact_is_gone()
    {
        await GivenTheMap();
        await Given(StreamNames.Competition("c1"), new CompetitionLaunched("c1", "Cuộc thi 2023", "20", 2023, "Sở KH&CN", new DateOnly(2023, 3, 1), "QĐ 12"));
        var a = await Given(StreamNames.Competition("c1"), Prize("c1", "p1", new DateOnly(2023, 10, 1), "báo Lạng Sơn"));
        var b = await Given(StreamNames.Competition("c1"), Prize("c1", "p2", new DateOnly(2023, 10, 1), "QĐ 45"));
        var c = await Given(StreamNames.Competition("c1"), Prize("c1", "p3", new DateOnly(2023, 10, 1), "nhầm"));
        var before = c.Position;
        var retraction = await Given(StreamNames.Competition("c1"), new FactRetracted(c.Id, nameof(PrizeAwarded), "trùng", new DateOnly(2024, 1, 5), "QĐ 46"));
        await Projected();

        var now = (await ExplainMetric.DashboardAsync(Db, "20", PlanMetric.PrizesAwarded, "2023", null, null, default))!;
        Assert.That(now.Value, Is.EqualTo(2m));
        Assert.That(now.Events.Select(e => (e.EventId, e.Position, e.Type, e.Stream, e.Source)), Is.EqualTo(new[]
        {
            (a.Id.ToString(), a.Position, nameof(PrizeAwarded), "competition-c1", "báo Lạng Sơn"),
            (b.Id.ToString(), b.Position, nameof(PrizeAwarded), "competition-c1", "QĐ 45"),
        }));
        var dashboard = (await GetProvinceDashboard.RunAsync(Db, "20", "2023", null, null, default))!;
        Assert.That(dashboard.Figures.Single(f => f.Metric == PlanMetric.PrizesAwarded).Value, Is.EqualTo(now.Value), "the explanation is the figure's");

        var then = (await ExplainMetric.DashboardAsync(Db, "20", PlanMetric.PrizesAwarded, "2023", null, before.ToString(), default))!;
        Assert.That(then.Value, Is.EqualTo(3m));
        Assert.That(then.Events.Select(e => e.EventId), Does.Contain(c.Id.ToString()));
        Assert.That(retraction.Position, Is.GreaterThan(before));
    }

    [Test]
    public async Task A_plan_figure_is_explained_per_year_and_a_bad_metric_is_a_parameter_error()
    {
        await GivenTheMap();
        await Given(StreamNames.Plan("ls-201"), new ProvincialPlanAdopted("ls-201", "201/KH-UBND", "UBND tỉnh", new DateOnly(2021, 9, 1), "20", 2021, 2023, "Kế hoạch",
            [new PlanTarget("prizes", PlanMetric.PrizesAwarded, 1, 2, "giải", true, new DateOnly(2023, 12, 31), "1–2 giải mỗi năm")], new DateOnly(2021, 9, 1), "201/KH-UBND"));
        await Given(StreamNames.Competition("c22"), new CompetitionLaunched("c22", "Cuộc thi 2022", "20", 2022, "Sở", new DateOnly(2022, 3, 1), "QĐ 1"));
        var p = await Given(StreamNames.Competition("c22"), Prize("c22", "x", new DateOnly(2022, 10, 1), "QĐ 9"));
        await Projected();

        var explained = (await ExplainMetric.PlanAsync(Db, "201/KH-UBND", PlanMetric.PrizesAwarded, "2022", "20", null, null, default))!;
        Assert.That((explained.Metric, explained.Year, explained.Value), Is.EqualTo((PlanMetric.PrizesAwarded, (int?)2022, 1m)));
        Assert.That(explained.Events.Select(e => e.EventId), Is.EqualTo(new[] { p.Id.ToString() }));
        Assert.That((await ExplainMetric.PlanAsync(Db, "201/KH-UBND", PlanMetric.PrizesAwarded, "2021", "20", null, null, default))!.Events, Is.Empty);
        Assert.That(async () => await ExplainMetric.DashboardAsync(Db, "20", "nonsense", "2022", null, null, default),
            Throws.TypeOf<QueryParameterException>().With.Property(nameof(QueryParameterException.Parameter)).EqualTo("metric"));
        var json = JsonSerializer.Serialize(explained, RegistryJson.Options);
        Assert.That(json, Does.Contain("\"eventId\"").And.Contain("\"occurredOn\"").And.Contain("\"recorded\"").And.Contain("\"events\""));
    }

    [Test]
    public async Task A_competition_figure_cites_the_fact_that_stated_it_not_the_competitions_latest_change()
    {
        await GivenTheMap();
        var launched = await Given(StreamNames.Competition("c21"), new CompetitionLaunched("c21", "Cuộc thi 2021", "20", 2021, "Sở KH&CN",
            new DateOnly(2021, 3, 1), "QĐ 12"));
        var applications = await Given(StreamNames.Competition("c21"), new ApplicationsRecorded("c21", new Figure(46, FigureQualifier.AtLeast),
            Figure.Exact(46), new DateOnly(2021, 9, 1), "năm 2021: 46 hồ sơ hợp lệ"));
        await Given(StreamNames.Competition("c21"), new CompetitionClosed("c21", new DateOnly(2021, 12, 1), "QĐ 99 (cuộc thi đã trao giải)"));
        await Projected();

        var valid = (await ExplainMetric.DashboardAsync(Db, "20", PlanMetric.ValidApplications, "2021", null, null, default))!;
        var held = (await ExplainMetric.DashboardAsync(Db, "20", PlanMetric.CompetitionsHeld, "2021", null, null, default))!;

        Assert.That((valid.Value, valid.Events.Select(e => (e.EventId, e.Source))),
            Is.EqualTo((46m, new[] { (applications.Id.ToString(), "năm 2021: 46 hồ sơ hợp lệ") })));
        Assert.That((held.Value, held.Events.Select(e => (e.EventId, e.Source))), Is.EqualTo((1m, new[] { (launched.Id.ToString(), "QĐ 12") })));
    }

    [Test]
    public async Task A_startup_or_organization_count_cites_the_registration_not_a_later_change()
    {
        await GivenTheMap();
        var startup = await Given(StreamNames.Startup("hoa-sen"), new StartupRegistered("hoa-sen", "Hoa Sen", "20", ["agritech"], StartupStage.Project,
            null, [], null, null, new DateOnly(2023, 5, 1), "cổng thông tin"));
        await Given(StreamNames.Startup("hoa-sen"), new StartupProfileUpdated("hoa-sen", "Hoa Sen Xanh", null, null, null, null, null,
            new DateOnly(2023, 8, 1), "doanh nghiệp báo"));
        var organization = await Given(StreamNames.Organization("ls-hub"), new SupportOrganizationRegistered("ls-hub", "Vườn ươm Lạng Sơn",
            OrganizationKind.Incubator, "20", null, new DateOnly(2023, 4, 1), "QĐ 7"));
        await Given(StreamNames.Organization("ls-hub"), new OrganizationRenamed("ls-hub", "Vườn ươm Lạng Sơn", "Vườn ươm ĐMST Lạng Sơn",
            new DateOnly(2023, 9, 1), "QĐ 8"));
        await Projected();

        var startups = (await ExplainMetric.DashboardAsync(Db, "20", PlanMetric.StartupsRegistered, "2023", null, null, default))!;
        var organizations = (await ExplainMetric.DashboardAsync(Db, "20", PlanMetric.SupportOrganizations, "2023", null, null, default))!;

        Assert.That(startups.Events.Select(e => (e.EventId, e.Source, e.OccurredOn)),
            Is.EqualTo(new[] { (startup.Id.ToString(), "cổng thông tin", "2023-05-01") }));
        Assert.That(organizations.Events.Select(e => (e.EventId, e.Source)), Is.EqualTo(new[] { (organization.Id.ToString(), "QĐ 7") }));
    }

    [Test]
    public async Task ValidOn_keeps_the_facts_true_by_that_date_as_known_now()
    {
        await GivenTheMap();
        await Given(StreamNames.Competition("c1"), new CompetitionLaunched("c1", "Cuộc thi 2023", "20", 2023, "Sở", new DateOnly(2023, 3, 1), "QĐ 1"));
        await Given(StreamNames.Competition("c1"), Prize("c1", "spring", new DateOnly(2023, 4, 1), "QĐ 2"));
        await Given(StreamNames.Competition("c1"), Prize("c1", "autumn", new DateOnly(2023, 10, 1), "QĐ 3"));
        await Projected();

        var june = (await GetProvinceDashboard.RunAsync(Db, "20", "2023", null, null, default, "2023-06-30"))!;
        var now = (await GetProvinceDashboard.RunAsync(Db, "20", "2023", null, null, default))!;
        Assert.That(june.Figures.Single(f => f.Metric == PlanMetric.PrizesAwarded).Value, Is.EqualTo(1m));
        Assert.That(now.Figures.Single(f => f.Metric == PlanMetric.PrizesAwarded).Value, Is.EqualTo(2m));
        var explained = (await ExplainMetric.DashboardAsync(Db, "20", PlanMetric.PrizesAwarded, "2023", null, null, default, "2023-06-30"))!;
        Assert.That(explained.Events.Select(e => e.Source), Is.EqualTo(new[] { "QĐ 2" }));
        Assert.That(async () => await GetProvinceDashboard.RunAsync(Db, "20", "2023", null, null, default, "June"),
            Throws.TypeOf<QueryParameterException>().With.Property(nameof(QueryParameterException.Parameter)).EqualTo("validOn"));
    }
}
