using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Contracts.Plans;
using Registry.Read;
using Registry.Read.Plans;

namespace Registry.Tests.Read.Plans;

public sealed class PlanProgressSpecs(string kind) : ReadModelFixture(kind)
{
    private static ProvincialPlanAdopted Plan(string id, string province) => new(id, "201/KH-UBND", "UBND tỉnh", new DateOnly(2021, 9, 1), province, 2021, 2023,
        "Kế hoạch hỗ trợ khởi nghiệp",
        [
            new PlanTarget("prizes", PlanMetric.PrizesAwarded, 10, 12, "giải", true, new DateOnly(2023, 12, 31), "10–12 giải mỗi năm"),
            new PlanTarget("competitions", PlanMetric.CompetitionsHeld, 3, 3, "cuộc thi", false, new DateOnly(2023, 12, 31), "3 cuộc thi"),
        ], new DateOnly(2021, 9, 1), "201/KH-UBND");

    [Test]
    public async Task Each_year_of_a_past_period_is_met_or_behind_and_a_plan_number_needs_its_province_when_shared()
    {
        await GivenTheMap();
        await Given(StreamNames.Plan("ls-201"), Plan("ls-201", "20"));
        await Given(StreamNames.Plan("pt-201"), Plan("pt-201", "25"));
        foreach (var (year, prizes) in new[] { (2021, 10), (2022, 13), (2023, 4) })
        {
            var id = $"c{year}";
            await Given(StreamNames.Competition(id), new CompetitionLaunched(id, $"Cuộc thi {year}", "20", year, "Sở", new DateOnly(year, 3, 1), "báo"));
            for (var i = 0; i < prizes; i++)
                await Given(StreamNames.Competition(id), new PrizeAwarded(id, $"{id}-{i}", RecipientKind.Project, $"r{i}", $"Dự án {i}", "KK", null, new DateOnly(year, 10, 1), "báo"));
        }
        await Projected();

        Assert.That(async () => await GetPlanProgress.RunAsync(Db, "201/KH-UBND", null, null, null, default),
            Throws.TypeOf<QueryParameterException>().With.Property(nameof(QueryParameterException.Parameter)).EqualTo("province"));
        var progress = (await GetPlanProgress.RunAsync(Db, "201/KH-UBND", "20", null, null, default))!;
        Assert.That(progress.Map, Is.EqualTo("pre2025"), "a plan of 2021 is judged on the map it was issued on");
        Assert.That(progress.Rows.Select(r => (r.TargetId, r.Year, r.Actual, r.Status)), Is.EqualTo(new[]
        {
            ("competitions", (int?)null, 3m, TargetStatus.Met),
            ("prizes", (int?)2021, 10m, TargetStatus.Met), ("prizes", 2022, 13m, TargetStatus.Met), ("prizes", 2023, 4m, TargetStatus.Behind),
        }));
    }
}
