using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Contracts.EcosystemEvents;
using Registry.Contracts.Figures;
using Registry.Contracts.Findings;
using Registry.Contracts.Plans;
using Registry.Contracts.Startups;
using Registry.Read.Findings;

namespace Registry.Tests.Read.Findings;

public sealed class FindingsSpecs(string kind) : ReadModelFixture(kind)
{
    [Test]
    public async Task Lang_Son_reports_238_valid_applications_where_the_yearly_facts_sum_to_221()
    {
        await GivenTheMap();
        foreach (var (year, valid) in new[] { (2019, 41), (2020, 42), (2021, 46), (2022, 46), (2023, 46) })
        {
            var id = $"ls-{year}";
            await Given(StreamNames.Competition(id), new CompetitionLaunched(id, $"Cuộc thi khởi nghiệp tỉnh Lạng Sơn {year}", "20", year, "Sở KH&CN Lạng Sơn",
                new DateOnly(year, 4, 1), "seed 002"));
            await Given(StreamNames.Competition(id), new ApplicationsRecorded(id, Figure.Exact(valid), Figure.Exact(valid), new DateOnly(year, 9, 1), "seed 002"));
        }
        await Given(StreamNames.Figure("ls-apps"), new FigureReported("ls-apps", PlanMetric.ValidApplications, "20", 2019, 2023, Figure.Exact(238), "hồ sơ",
            "238 hồ sơ hợp lệ", new DateOnly(2024, 1, 15), "seed 002"));
        await Projected();

        var finding = (await GetFindings.RunAsync(Db, "20", null, null, default)).Findings.Single();
        Assert.That((finding.Kind, finding.Reported, finding.Itemized, finding.Subjects.Single()),
            Is.EqualTo((FindingKind.ReportedDiffersFromItemized, 238m, 221m, "ls-apps")));
    }

    [Test]
    public async Task Same_name_in_merged_provinces_and_same_event_within_14_days_are_probable_duplicates()
    {
        await GivenTheMap();
        foreach (var (id, province) in new[] { ("vp", "26"), ("pt", "25"), ("ls", "20") })
            await Given(StreamNames.Startup(id), new StartupRegistered(id, id == "ls" ? "Nông sản Xanh" : "Nông Sản  xanh", province, ["agritech"],
                StartupStage.Idea, null, [], null, null, new DateOnly(2023, 5, 1), "portal"));
        foreach (var (id, day) in new[] { ("tf1", 3), ("tf2", 12), ("tf3", 30) })
            await Given(StreamNames.EcosystemEvent(id), new EcosystemEventRecorded(id, EcosystemEventKind.TechfestRegional, $"Techfest vùng {id}",
                "Khởi nghiệp nông nghiệp", "25", ["25"], "Trung du và miền núi phía Bắc", "Bộ KH&CN", new DateOnly(2023, 10, day), null, null,
                new DateOnly(2023, 10, day), "báo"));
        await Projected();

        var findings = (await GetFindings.RunAsync(Db, null, "2025", null, default)).Findings;
        var startups = findings.Single(f => f.Kind == FindingKind.ProbableDuplicateStartup);
        Assert.That((startups.ProvinceCode, startups.Subjects), Is.EqualTo(("25", new[] { "pt", "vp" })));
        Assert.That(findings.Single(f => f.Kind == FindingKind.ProbableDuplicateEvent).Subjects, Is.EqualTo(new[] { "tf1", "tf2" }));
    }
}
