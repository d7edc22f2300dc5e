using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Contracts.Corrections;
using Registry.Contracts.Plans;
using Registry.Read.Audit;
using Registry.Tests.Read;

namespace Registry.Tests.Audit;

/// <summary>Given a plan and its facts, a correction recorded later: the diff and the plan audit say what changed and why.</summary>
public sealed class AuditSpecs(string kind) : ReadModelFixture(kind)
{
    private static PrizeAwarded Prize(string competition, string id, int year, string source) =>
        new(competition, id, RecipientKind.Project, "r-" + id, "Dự án " + id, "KK", null, new DateOnly(year, 10, 1), source);

    [TestCase("xyz", null, "from")]
    [TestCase("1", "next week", "to")]
    [TestCase(" ", null, "from")]
    public async Task A_diff_between_moments_that_are_not_moments_is_refused_naming_the_parameter(string from, string? to, string parameter)
    {
        await GivenTheMap();
        var error = Assert.ThrowsAsync<Registry.Read.QueryParameterException>(() => DiffAudit.RunAsync(Db, from, to, null, default));
        Assert.That(error!.Parameter, Is.EqualTo(parameter), error.Message);
    }

    [TestCase("99")]
    [TestCase("abc")]
    public async Task A_diff_of_a_province_on_neither_map_is_refused_naming_the_parameter(string province)
    {
        await GivenTheMap();
        await Projected();
        var error = Assert.ThrowsAsync<Registry.Read.QueryParameterException>(() => DiffAudit.RunAsync(Db, "1", null, province, default));
        Assert.That((error!.Parameter, error.Message), Is.EqualTo(("province", $"'{province}' is not a province code of the 2025 map or of the map before it")));
    }

    [TestCase("20")] // on both maps
    [TestCase("26")] // merged into Phú Thọ in 2025: its plans are still its own
    [TestCase(" ")] // no province: all of them
    public async Task A_diff_of_a_province_of_either_map_or_of_none_is_answered(string province)
    {
        await GivenTheMap();
        await Projected();
        Assert.DoesNotThrowAsync(() => DiffAudit.RunAsync(Db, "1", null, province, default));
    }

    [Test]
    public async Task A_retraction_changes_todays_figures_not_the_year_end_ones_and_both_name_their_events()
    {
        await GivenTheMap();
        await Given(StreamNames.Plan("ls-201"), new ProvincialPlanAdopted("ls-201", "201/KH-UBND", "UBND tỉnh", new DateOnly(2021, 9, 1), "20", 2021, 2022, "Kế hoạch",
            [new PlanTarget("prizes", PlanMetric.PrizesAwarded, 2, 3, "giải", true, new DateOnly(2022, 12, 31), "2–3 giải mỗi năm")], new DateOnly(2021, 9, 1), "201/KH-UBND"));
        await Given(StreamNames.Competition("c21"), new CompetitionLaunched("c21", "Cuộc thi 2021", "20", 2021, "Sở", new DateOnly(2021, 3, 1), "QĐ 1"));
        await Given(StreamNames.Competition("c21"), Prize("c21", "a", 2021, "QĐ 2"));
        var wrong = await Given(StreamNames.Competition("c21"), Prize("c21", "b", 2021, "QĐ 3"));
        var from = wrong.Position;
        var retraction = await Given(StreamNames.Competition("c21"), new FactRetracted(wrong.Id, nameof(PrizeAwarded), "không hợp lệ", new DateOnly(2024, 2, 1), "QĐ 4"));
        await Projected();

        var diff = await DiffAudit.RunAsync(Db, from.ToString(), null, null, default);
        Assert.That(diff.Recorded.Select(e => e.EventId), Is.EqualTo(new[] { retraction.Id.ToString() }));
        var dashboard = diff.Changes.Single(c => c.Scope == "dashboard" && c.Metric == PlanMetric.PrizesAwarded);
        Assert.That((dashboard.ProvinceCode, dashboard.Year, dashboard.Old, dashboard.New), Is.EqualTo(("20", (int?)2021, 2m, 1m)));
        Assert.That(dashboard.Removed.Select(e => e.EventId), Is.EqualTo(new[] { wrong.Id.ToString() }));
        var plan = diff.Changes.Single(c => c.Scope == "plan");
        Assert.That((plan.Plan, plan.TargetId, plan.Year, plan.Old, plan.New), Is.EqualTo(("201/KH-UBND", "prizes", (int?)2021, 2m, 1m)));

        // The log's recorded times are today's, so every year-end of 2021–2022 precedes them: then the plan was not yet recorded.
        var audit = (await AuditPlan.RunAsync(Db, "201/KH-UBND", "20", default))!;
        Assert.That(audit.YearEnds.Select(y => y.On), Is.EqualTo(new[] { new DateOnly(2021, 12, 31), new DateOnly(2022, 12, 31) }));
        var row2021 = audit.YearEnds[0].Rows.Single();
        Assert.That((row2021.ActualThen, row2021.ActualNow, row2021.StatusNow, row2021.Changed), Is.EqualTo(((decimal?)null, 1m, TargetStatus.Behind, true)));
        Assert.That(row2021.EventsNow.Select(e => e.Source), Is.EqualTo(new[] { "QĐ 2" }));
    }
}
