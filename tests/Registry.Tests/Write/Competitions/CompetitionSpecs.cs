using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Contracts.Startups;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Competitions;

public sealed class CompetitionSpecs : WriteSpecification
{
    private static readonly DateOnly On = new(2023, 6, 1);
    private const string Stream = "competition-ls-2023";
    private static readonly CompetitionLaunched Launched = new("ls-2023", "Cuộc thi khởi nghiệp Lạng Sơn 2023", "20", 2023, "Sở KH&CN Lạng Sơn", On, "seed 002");

    private static AwardPrize Prize(string prizeId = "p1", string recipient = "hoa-sen", DateOnly? on = null) =>
        new("ls-2023", prizeId, RecipientKind.Project, recipient, "Hoa Sen", "Giải Nhất", 20_000_000, on ?? On.AddMonths(3), "seed 002");

    private static PrizeAwarded Awarded(AwardPrize c) =>
        new(c.CompetitionId, c.PrizeId, c.RecipientKind, c.RecipientId, c.RecipientName, c.Rank, c.AmountVnd, c.OccurredOn, c.Source);

    private Task GivenRecipient() => Given("startup-hoa-sen",
        new StartupRegistered("hoa-sen", "Hoa Sen", "20", [], StartupStage.Project, null, [], null, null, On, "seed 002"));

    [Test]
    public async Task A_competition_is_launched_once()
    {
        var launch = new LaunchCompetition(Launched.CompetitionId, Launched.Name, "20", 2023, Launched.Organizer, On, "seed 002");
        await ThenWrote(await When(launch), Stream, Launched);
        await ThenRefused(await When(launch), CommandErrorKind.RuleBroken, "already launched");
    }

    [Test]
    public async Task A_competition_year_is_the_year_it_is_launched_in()
    {
        await ThenRefused(await When(new LaunchCompetition("c", "n", "20", 2019, "o", On, "s")), CommandErrorKind.Invalid, "not the year", "year");
    }

    [Test]
    public async Task A_prize_is_awarded_in_a_launched_competition_to_a_known_startup_or_project()
    {
        await Given(Stream, Launched);
        await GivenRecipient();
        await ThenWrote(await When(Prize()), Stream, Awarded(Prize()));
    }

    [Test]
    public async Task A_prize_needs_a_launched_competition()
    {
        await GivenRecipient();
        await ThenRefused(await When(Prize()), CommandErrorKind.RuleBroken, "has not been launched");
    }

    [Test]
    public async Task A_prize_is_not_awarded_before_the_launch()
    {
        await Given(Stream, Launched);
        await GivenRecipient();
        await ThenRefused(await When(Prize(on: On.AddDays(-1))), CommandErrorKind.RuleBroken, "was launched on 2023-06-01");
    }

    [Test]
    public async Task A_prize_is_not_awarded_in_a_closed_competition()
    {
        await Given(Stream, [Launched, new CompetitionClosed("ls-2023", On.AddMonths(2), "seed 002")]);
        await GivenRecipient();
        await ThenRefused(await When(Prize()), CommandErrorKind.RuleBroken, "was closed on");
    }

    [Test]
    public async Task A_prize_goes_to_a_startup_or_project_the_registry_knows()
    {
        await Given(Stream, Launched);
        await ThenRefused(await When(Prize(recipient: "ghost")), CommandErrorKind.RuleBroken, "'ghost' is not a startup or project the registry knows");
    }

    [Test]
    public async Task Each_prize_is_awarded_once()
    {
        await Given(Stream, Launched);
        await GivenRecipient();
        await When(Prize());
        await ThenRefused(await When(Prize()), CommandErrorKind.RuleBroken, "already awarded");
    }

    [Test]
    public async Task Applications_are_recorded_for_a_launched_competition()
    {
        await Given(Stream, Launched);
        var c = new RecordApplications("ls-2023", Figure.Exact(50), Figure.Exact(46), On.AddMonths(1), "seed 002");
        await ThenWrote(await When(c), Stream, new ApplicationsRecorded("ls-2023", Figure.Exact(50), Figure.Exact(46), On.AddMonths(1), "seed 002"));
    }

    [Test]
    public async Task A_valid_count_does_not_exceed_the_count_received()
    {
        await Given(Stream, Launched);
        await ThenRefused(await When(new RecordApplications("ls-2023", Figure.Exact(40), Figure.Exact(46), On, "s")),
            CommandErrorKind.Invalid, "46 valid applications exceed the 40 received", "valid.value");
    }

    [Test]
    public async Task Counts_are_not_negative()
    {
        await Given(Stream, Launched);
        var outcome = await When(new RecordApplications("ls-2023", Figure.Exact(-1), new Figure(-2, FigureQualifier.AtLeast), On, "s"));
        await ThenRefused(outcome, CommandErrorKind.Invalid, "must not be negative", "received.value");
        Assert.That(outcome.Error!.Errors.Keys, Does.Contain("valid.value"), "every bad field is named");
    }

    [Test]
    public async Task A_competition_closes_once()
    {
        await Given(Stream, Launched);
        await ThenWrote(await When(new CloseCompetition("ls-2023", On.AddMonths(4), "s")), Stream, new CompetitionClosed("ls-2023", On.AddMonths(4), "s"));
        await ThenRefused(await When(new CloseCompetition("ls-2023", On.AddMonths(5), "s")), CommandErrorKind.RuleBroken, "was closed on");
    }

    [Test]
    public async Task An_editor_awards_prizes_only_in_its_provinces_competitions()
    {
        await Given(Stream, Launched);
        await GivenRecipient();
        await ThenRefused(await When(Prize(), Editor("24")), CommandErrorKind.Forbidden, "not of 20");
        Assert.That((await When(Prize(), Editor("20"))).Succeeded, Is.True);
    }
}
