using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Competitions.AwardPrize;

namespace Registry.Write.Competitions;

/// <summary>A prize in a launched, not closed competition, to a startup or project the registry knows; each prize once.</summary>
public sealed class AwardPrize : UseCase<Command>
{
    private static readonly AwardPrize Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override string StreamOf(Command command) => StreamNames.Competition(command.CompetitionId);

    public override IEnumerable<ProvinceRef> ProvincesOf(Command command, Facts competition) => CompetitionFacts.Provinces(competition);

    public override IEnumerable<string> RelatedStreams(Command command) => [StreamNames.Startup(command.RecipientId)];

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts competition, Related related)
    {
        CompetitionFacts.RequireOpen(competition, c.CompetitionId, c.OccurredOn);
        if (competition.All<PrizeAwarded>().Any(p => p.PrizeId == c.PrizeId))
            throw Rule.Broken($"prize '{c.PrizeId}' of competition '{c.CompetitionId}' is already awarded");
        if (!related[StreamNames.Startup(c.RecipientId)].Has<Registry.Contracts.Startups.StartupRegistered>())
            throw Rule.Broken($"the recipient '{c.RecipientId}' is not a startup or project the registry knows: register it first");
        yield return new PrizeAwarded(c.CompetitionId, c.PrizeId, c.RecipientKind, c.RecipientId, c.RecipientName, c.Rank, c.AmountVnd, c.OccurredOn, c.Source);
    }
}
