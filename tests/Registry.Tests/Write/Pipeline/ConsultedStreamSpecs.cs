using Microsoft.Extensions.DependencyInjection;
using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Contracts.Corrections;
using Registry.Contracts.Startups;
using Registry.EventStore;
using Registry.Tests.Infrastructure;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Pipeline;

/// <summary>
/// A decider that consults another stream (a prize's recipient) decides on what it read; a fact recorded there before
/// the append (the recipient's registration retracted by another department) must make it decide again, not slip
/// past it.
/// </summary>
public sealed class ConsultedStreamSpecs
{
    private static readonly DateOnly On = new(2023, 6, 1);
    private static readonly Principal Admin = Principal.Admin("admin-test");

    /// <summary>Runs what it is armed with once, just before the next append to <paramref name="stream"/>: after the command's reads.</summary>
    private sealed class RacedLog(IEventStore inner, string stream) : InterceptedLog(inner)
    {
        private Func<Task>? _meanwhile;

        public void Arm(Func<Task> meanwhile) => _meanwhile = meanwhile;

        protected override async Task BeforeAppendAsync(string appendedTo)
        {
            if (appendedTo != stream || Interlocked.Exchange(ref _meanwhile, null) is not { } meanwhile) return;
            await meanwhile();
        }
    }

    [Test]
    public async Task Given_the_recipient_retracted_while_a_prize_is_decided_then_the_prize_is_refused_and_nothing_is_awarded()
    {
        await using var log = new RacedLog(await StoreKind.OpenNewAsync(StoreKind.Sqlite), "competition-ls-2023");
        await using var services = WriteSide.CreateProvider(log);
        var sender = services.GetRequiredService<CommandSender>();
        await log.AppendAsync(StreamNames.ProvinceMap, ExpectedRevision.NoStream, EventEncoder.Encode(TestMap.Provinces, new CommandContext(Guid.NewGuid(), Admin)));
        await Succeeds(sender.SendAsync(new LaunchCompetition("ls-2023", "Cuộc thi khởi nghiệp Lạng Sơn 2023", "20", 2023, "Sở KH&CN Lạng Sơn", On, "seed 002"), Guid.NewGuid(), Admin, default));
        var registered = await Succeeds(sender.SendAsync(new RegisterStartup("hoa-sen", "Hoa Sen", "20", [], StartupStage.Project, null, [], null, null, On, "seed 002"), Guid.NewGuid(), Admin, default));
        log.Arm(async () => await Succeeds(sender.SendAsync(
            new RetractFact(registered.Events[0].EventId, "StartupRegistered", "registered by mistake", On.AddDays(1), "department"), Guid.NewGuid(), Admin, default)));

        var award = await sender.SendAsync(new AwardPrize("ls-2023", "p1", RecipientKind.Project, "hoa-sen", "Hoa Sen", "Giải Nhất", 20_000_000, On.AddMonths(3), "seed 002"),
            Guid.NewGuid(), Admin, default);

        Assert.That(award.Error?.Kind, Is.EqualTo(CommandErrorKind.RuleBroken), award.Error?.Detail ?? "the prize was awarded");
        Assert.That(award.Error!.Detail, Does.Contain("is not a startup or project the registry knows"));
        Assert.That(await log.GetStreamRevisionAsync("competition-ls-2023"), Is.EqualTo(0), "only the launch is in the competition's stream");
        Assert.That(await log.GetStreamRevisionAsync("startup-hoa-sen"), Is.EqualTo(1), "the retraction was recorded");
    }

    private static async Task<CommandResult> Succeeds(Task<CommandOutcome> sending)
    {
        var outcome = await sending;
        Assert.That(outcome.Error, Is.Null, () => outcome.Error!.Detail);
        return outcome.Result!;
    }
}
