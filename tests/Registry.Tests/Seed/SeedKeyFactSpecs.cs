using System.Text.Json;
using System.Text.RegularExpressions;
using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Contracts.Corrections;
using Registry.Contracts.Figures;
using Registry.Contracts.IndexScores;
using Registry.Contracts.Organizations;
using Registry.Contracts.Plans;
using Registry.Contracts.Provinces;
using Registry.Contracts.Startups;

namespace Registry.Tests.Seed;

/// <summary>The facts the later features demonstrate are in the seed, as the sources state them, in a usable order.</summary>
public sealed partial class SeedKeyFactSpecs
{
    [Test]
    public void Lang_Son_yearly_valid_applications_sum_to_221_beside_the_reported_238()
    {
        var valid = SeedFacts.All<ApplicationsRecorded>().Where(a => a.CompetitionId.StartsWith("langson-")).ToList();
        Assert.That(valid.Select(a => a.Valid.Value), Is.EqualTo(new[] { 41m, 42m, 46m, 46m, 46m }));
        Assert.That(valid.Sum(a => a.Valid.Value), Is.EqualTo(221));
        Assert.That(valid, Has.All.Matches<ApplicationsRecorded>(a => a.Received.Qualifier == FigureQualifier.AtLeast && a.Received.Value >= a.Valid.Value));
        var reported = SeedFacts.All<FigureReported>().Single(f => f.Metric == PlanMetric.ValidApplications && f.ProvinceCode == "20");
        Assert.That((reported.Value, reported.PeriodFrom, reported.PeriodTo), Is.EqualTo((Figure.Exact(238), 2019, 2023)));
    }

    [Test]
    public void Lang_Son_prizes_are_10_10_10_13_15_making_the_reported_58()
    {
        var perYear = SeedFacts.All<PrizeAwarded>().GroupBy(p => p.CompetitionId).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(perYear, Is.EqualTo(new Dictionary<string, int>
            { ["langson-2019"] = 10, ["langson-2020"] = 10, ["langson-2021"] = 10, ["langson-2022"] = 13, ["langson-2023"] = 15 }));
        var reported = SeedFacts.All<FigureReported>().Single(f => f.Metric == PlanMetric.PrizesAwarded && f.ProvinceCode == "20");
        Assert.That(reported.Value, Is.EqualTo(Figure.Exact(perYear.Values.Sum())));
    }

    [Test]
    public void Lang_Son_plans_carry_their_numeric_targets_with_known_metrics()
    {
        var plans = SeedFacts.All<ProvincialPlanAdopted>().ToDictionary(p => p.Number);
        var first = plans["143/KH-UBND"];
        Assert.That((first.IssuedOn, first.PeriodFrom, first.PeriodTo), Is.EqualTo((new DateOnly(2017, 8, 14), 2017, 2020)));
        Assert.That(first.Targets.Select(t => (t.Metric, t.Min, t.Max)), Is.EqualTo(new[] { (PlanMetric.StartupsSupported, 1m, 2m) }));
        var second = plans["201/KH-UBND"];
        Assert.That((second.IssuedOn, second.PeriodFrom, second.PeriodTo), Is.EqualTo((new DateOnly(2020, 12, 23), 2021, 2025)));
        Assert.That(second.Targets.Select(t => (t.Metric, t.Min, t.Max)), Is.EquivalentTo(new[]
            { (PlanMetric.StartupsSupported, 3m, 5m), (PlanMetric.StartupsFunded, 1m, 1m), (PlanMetric.TrainingParticipants, 10000m, 10000m) }));
        Assert.That(plans.Values.SelectMany(p => p.Targets).Select(t => t.Metric).Distinct(), Is.SubsetOf(PlanMetric.All));
        Assert.That(SeedFacts.All<ResolutionIssued>().Select(r => r.Number), Does.Contain("13/2019/NQ-HĐND"));
    }

    [Test]
    public void Reported_figures_measure_metrics_the_registry_knows() =>
        Assert.That(SeedFacts.All<FigureReported>().Select(f => f.Metric).Distinct(), Is.SubsetOf(PlanMetric.All));

    [Test]
    public void Approximate_figures_keep_their_qualifiers()
    {
        var haiPhong = SeedFacts.All<FigureReported>().Where(f => f.ProvinceCode == "31").Select(f => f.Value).ToList();
        Assert.That(haiPhong, Does.Contain(new Figure(700, FigureQualifier.AtLeast)));
        Assert.That(haiPhong, Does.Contain(new Figure(300, FigureQualifier.AtMost)));
    }

    [Test]
    public void The_63_provinces_are_registered_then_Hue_renamed_then_the_2025_reform_maps_them_to_34()
    {
        var rows = SharedData.ReformRows();
        var registered = SeedFacts.All<ProvinceRegistered>().ToList();
        Assert.That(registered.Select(p => p.Code), Is.EquivalentTo(rows.Select(r => r.OldCode)));
        Assert.That(registered.Single(p => p.Code == "46").Name, Is.EqualTo("Tỉnh Thừa Thiên Huế"));
        Assert.That(registered.Count(p => p.Region == "Northern Midlands and Mountains"), Is.EqualTo(14));
        Assert.That(registered.Count(p => p.Region == "Red River Delta"), Is.EqualTo(11));
        var rename = SeedFacts.All<ProvinceRenamed>().Single();
        Assert.That((rename.Code, rename.NewName, rename.EffectiveOn), Is.EqualTo(("46", "Thành phố Huế", new DateOnly(2025, 1, 1))));
        var reform = SeedFacts.All<ProvincesReorganized>().Single();
        Assert.That((reform.Resolution, reform.EffectiveOn), Is.EqualTo(("202/2025/QH15", new DateOnly(2025, 7, 1))));
        Assert.That(reform.Mergers.Select(m => (m.OldCode, m.NewCode)), Is.EquivalentTo(rows));
        Assert.That(reform.Mergers.Select(m => m.NewCode).Distinct().Count(), Is.EqualTo(34));
        Assert.That(reform.Mergers.Single(m => m.OldCode == "26").NewName, Is.EqualTo("Phú Thọ"));
        Assert.That(IndexOfEvent<ProvinceRenamed>(), Is.LessThan(IndexOfEvent<ProvincesReorganized>()));
    }

    [Test]
    public void The_PII_2023_table_is_seeded_whole()
    {
        var rows = File.ReadLines(SharedData.File("pii-2023.csv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var scores = SeedFacts.All<IndexScorePublished>().ToList();
        Assert.That(scores.Select(s => (s.Year, s.Rank, s.ProvinceCode, s.Score)),
            Is.EquivalentTo(rows.Select(f => (int.Parse(f[0]), int.Parse(f[1]), f[3], decimal.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture)))));
        Assert.That(scores.Single(s => s.ProvinceCode == "31"), Has.Property(nameof(IndexScorePublished.Rank)).EqualTo(3));
    }

    [Test]
    public void Every_fact_comes_after_the_facts_it_names()
    {
        var failures = new List<string>();
        var known = new HashSet<string>();
        foreach (var (line, fact) in SeedFacts.Events)
        {
            void Needs(string kind, string id) { if (!known.Contains($"{kind}:{id}")) failures.Add($"{line.Where}: {kind} {id} is not seeded before it"); }
            switch (fact)
            {
                case StartupRegistered s: known.Add($"startup:{s.StartupId}"); break;
                case SupportOrganizationRegistered o: known.Add($"organization:{o.OrganizationId}"); break;
                case CompetitionLaunched c: known.Add($"competition:{c.CompetitionId}"); break;
                case OrganizationRenamed r: Needs("organization", r.OrganizationId); break;
                case ApplicationsRecorded a: Needs("competition", a.CompetitionId); break;
                case PrizeAwarded p: Needs("competition", p.CompetitionId); Needs("startup", p.RecipientId); break;
                case CompetitionClosed c: Needs("competition", c.CompetitionId); known.Remove($"competition:{c.CompetitionId}"); break;
                case SupportGranted g: Needs("startup", g.StartupId); break;
                case FundingRecorded f: Needs("startup", f.StartupId); break;
            }
        }
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Demo_facts_say_so_and_their_founders_are_obviously_fictional()
    {
        var sources = SeedFacts.Events.Select(e => e.Event.Source).ToList();
        Assert.That(sources, Has.All.Match(@"^(seed \d{3}_|demo: |Nghị quyết |glossary\.md|PII 2023)"));
        foreach (var (line, fact) in SeedFacts.Events.Where(e => e.Event is StartupRegistered { Founders.Count: > 0 }))
        {
            Assert.That(fact.Source, Does.StartWith("demo: "), line.Where);
            Assert.That(((StartupRegistered)fact).Founders.Select(f => f.Name), Has.All.Match(FictionalName().ToString()), line.Where);
        }
        Assert.That(SeedFacts.All<FactCorrected>().Select(c => c.Source), Has.All.StartWith("demo: "));
    }

    [Test]
    public void The_correction_changes_a_2023_figure_and_is_dated_after_2023()
    {
        var (line, fact) = SeedFacts.Events.Single(e => e.Event is FactCorrected);
        var correction = (FactCorrected)fact;
        var original = SeedFacts.Events[SeedFacts.IndexOf(line.Corrects!)].Event;
        Assert.That(original.OccurredOn.Year, Is.EqualTo(2023));
        Assert.That(correction.OccurredOn, Is.GreaterThan(new DateOnly(2023, 12, 31)));
        var replacement = correction.Replacement.Deserialize<FundingRecorded>(RegistryJson.Options)!;
        Assert.That(replacement.AmountVnd, Is.Not.EqualTo(((FundingRecorded)original).AmountVnd));
        Assert.That(replacement with { AmountVnd = 0, Source = "" }, Is.EqualTo((FundingRecorded)original with { AmountVnd = 0, Source = "" }));
    }

    [Test]
    public void Lang_Son_Vinh_Phuc_and_the_other_demo_provinces_have_startups()
    {
        var provinces = SeedFacts.All<StartupRegistered>().Where(s => s.Source.StartsWith("demo: ")).Select(s => s.ProvinceCode).ToHashSet();
        Assert.That(provinces, Is.SupersetOf(new[] { "20", "25", "26", "01", "31", "46" }));
    }

    private static int IndexOfEvent<T>() => SeedFacts.Events.ToList().FindIndex(e => e.Event is T);

    /// <summary>Vietnamese placeholder names: a family name, Văn or Thị, and a single capital letter ("Nguyễn Văn A").</summary>
    [GeneratedRegex(@"^\p{Lu}\p{Ll}* (Văn|Thị) \p{Lu}$")]
    private static partial Regex FictionalName();
}
