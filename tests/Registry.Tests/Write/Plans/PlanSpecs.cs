using Registry.Contracts.Common;
using Registry.Contracts.Plans;
using Registry.EventStore;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Plans;

public sealed class PlanSpecs : WriteSpecification
{
    private static readonly DateOnly On = new(2021, 3, 15);
    private static readonly PlanTarget Projects = new("projects", PlanMetric.StartupsSupported, 3, 5, "projects", true, new DateOnly(2025, 12, 31), "03–05 dự án mỗi năm");

    private static AdoptProvincialPlan Adopt(string id = "ls-201-2021", string number = "201/KH-UBND", string province = "20") =>
        new(id, number, "UBND tỉnh Lạng Sơn", On, province, 2021, 2025, "Hỗ trợ khởi nghiệp ĐMST 2021–2025", [Projects], On, "seed 002");

    private static ProvincialPlanAdopted Adopted(AdoptProvincialPlan c) =>
        new(c.PlanId, c.Number, c.Issuer, c.IssuedOn, c.ProvinceCode, c.PeriodFrom, c.PeriodTo, c.Title, c.Targets, c.OccurredOn, c.Source);

    private static PlanNumberClaimed Claimed(AdoptProvincialPlan c) => new(c.ProvinceCode, c.Number, c.PlanId, c.OccurredOn, c.Source);

    [Test]
    public async Task A_plan_is_adopted_with_its_targets_and_its_number_claimed_in_the_same_append()
    {
        var outcome = await When(Adopt());
        await ThenWrote(outcome, "plan-ls-201-2021", Claimed(Adopt()), Adopted(Adopt()));
        Assert.That(outcome.Result!.Events.Select(e => e.EventType), Is.EqualTo(new[] { nameof(PlanNumberClaimed), nameof(ProvincialPlanAdopted) }));
    }

    [Test]
    public async Task One_plan_number_per_province()
    {
        Assert.That((await When(Adopt())).Succeeded, Is.True);
        await ThenRefused(await When(Adopt("another-id", " 201/kh-ubnd")), CommandErrorKind.RuleBroken,
            "province 20 already has plan 201/KH-UBND (plan 'ls-201-2021'): one plan number per province");
        Assert.That((await When(Adopt("hp-201", province: "24"))).Succeeded, Is.True, "another province may use the same number");
    }

    [Test]
    public async Task An_adoption_sent_again_is_answered_as_the_first_time_with_its_claim()
    {
        var id = Guid.NewGuid();
        var first = await When(Adopt(), commandId: id);
        var again = await When(Adopt(), commandId: id);
        Assert.That(again.Result!.AlreadyRecorded, Is.True);
        Assert.That(again.Result.Events, Is.EqualTo(first.Result!.Events));
        await ThenRefused(await When(Adopt() with { Source = "another source" }), CommandErrorKind.RuleBroken, "is already adopted");
    }

    [Test]
    public async Task Of_adoptions_of_one_number_sent_at_the_same_moment_exactly_one_is_recorded()
    {
        for (var round = 0; round < 10; round++)
        {
            var number = $"{100 + round}/KH-UBND";
            var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => When(Adopt($"plan-{round}-{i}", number)))));
            Assert.That(outcomes.Count(o => o.Succeeded), Is.EqualTo(1), $"round {round}");
            Assert.That(outcomes.Where(o => !o.Succeeded).Select(o => o.Error!.Detail), Has.All.Contains("one plan number per province"));
        }
        var adopted = 0;
        await foreach (var e in Store.ReadAllAsync(Direction.Forwards, 1, long.MaxValue))
            if (e.EventType == nameof(ProvincialPlanAdopted)) adopted++;
        Assert.That(adopted, Is.EqualTo(10));
    }

    [Test]
    public async Task Target_ranges_and_metrics_are_checked_field_by_field()
    {
        var bad = Adopt() with { Targets = [Projects with { Min = 5, Max = 3, Metric = "happiness", DueOn = new DateOnly(2030, 1, 1) }], PeriodTo = 2020 };
        var outcome = await When(bad);
        await ThenRefused(outcome, CommandErrorKind.Invalid, "is less than min", "targets[0].max");
        Assert.That(outcome.Error!.Errors.Keys, Is.SupersetOf(new[] { "targets[0].metric", "targets[0].dueOn", "periodTo" }));
    }

    [Test]
    public async Task A_target_of_a_plan_in_force_is_revised()
    {
        await Given("plan-ls-201-2021", Adopted(Adopt()));
        var revise = new RevisePlanTarget("ls-201-2021", "projects", 4, 6, new DateOnly(2025, 12, 31), "Quyết định 12", On.AddYears(1), "s");
        await ThenWrote(await When(revise), "plan-ls-201-2021", new PlanTargetRevised("ls-201-2021", "projects", 4, 6, new DateOnly(2025, 12, 31), "Quyết định 12", On.AddYears(1), "s"));
        await ThenRefused(await When(revise with { TargetId = "nope" }), CommandErrorKind.RuleBroken, "has no target 'nope'");
    }

    [Test]
    public async Task A_plan_is_superseded_by_an_adopted_plan_of_its_province_and_then_no_longer_revised()
    {
        await Given("plan-ls-201-2021", Adopted(Adopt()));
        var supersede = new SupersedePlan("ls-201-2021", "ls-300-2023", "300/KH-UBND", On.AddYears(2), "s");
        await ThenRefused(await When(supersede), CommandErrorKind.RuleBroken, "is not adopted: adopt it first");
        await Given("plan-ls-300-2023", Adopted(Adopt("ls-300-2023", "300/KH-UBND")));
        await ThenWrote(await When(supersede), "plan-ls-201-2021", new PlanSuperseded("ls-201-2021", "ls-300-2023", "300/KH-UBND", On.AddYears(2), "s"));
        await ThenRefused(await When(new RevisePlanTarget("ls-201-2021", "projects", 1, 2, new DateOnly(2025, 1, 1), "r", On.AddYears(3), "s")),
            CommandErrorKind.RuleBroken, "was superseded by 300/KH-UBND");
    }

    [Test]
    public async Task A_resolution_is_recorded_once()
    {
        var issue = new IssueResolution("ls-13-2019", "13/2019/NQ-HĐND", "HĐND tỉnh Lạng Sơn", new DateOnly(2019, 7, 12), "20", "Mức chi", "…", new DateOnly(2019, 7, 12), "seed 002");
        await ThenWrote(await When(issue), "resolution-ls-13-2019", new ResolutionIssued(issue.ResolutionId, issue.Number, issue.Issuer, issue.IssuedOn, "20", "Mức chi", "…", issue.OccurredOn, "seed 002"));
        await ThenRefused(await When(issue), CommandErrorKind.RuleBroken, "already recorded");
    }
}
