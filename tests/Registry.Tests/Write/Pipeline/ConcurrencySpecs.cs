using Registry.Contracts.Competitions;
using Registry.Contracts.Startups;
using Registry.EventStore;

namespace Registry.Tests.Write.Pipeline;

public sealed class ConcurrencySpecs : WriteSpecification
{
    [Test]
    public async Task Commands_racing_on_one_stream_are_decided_again_and_all_land()
    {
        var on = new DateOnly(2023, 6, 1);
        await Given("competition-c", new CompetitionLaunched("c", "C", "20", 2023, "o", on, "s"));
        await Given("startup-s", new StartupRegistered("s", "S", "20", [], StartupStage.Project, null, [], null, null, on, "s"));
        var prizes = Enumerable.Range(0, 12)
            .Select(i => new AwardPrize("c", $"p{i}", RecipientKind.Project, "s", "S", $"rank {i}", null, on.AddDays(1), "s"))
            .Select(p => Sender.SendAsync(p, Guid.NewGuid(), Admin, CancellationToken.None));
        var outcomes = await Task.WhenAll(prizes);
        Assert.That(outcomes.Where(o => !o.Succeeded).Select(o => o.Error!.Detail), Is.Empty);
        Assert.That(await Store.GetStreamRevisionAsync("competition-c"), Is.EqualTo(12));
        var awarded = new List<string>();
        await foreach (var e in Store.ReadStreamAsync("competition-c", Direction.Forwards, 1, long.MaxValue)) awarded.Add(e.EventType);
        Assert.That(awarded, Has.Count.EqualTo(12).And.All.EqualTo(nameof(PrizeAwarded)));
    }
}
