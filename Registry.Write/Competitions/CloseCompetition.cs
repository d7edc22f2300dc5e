using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Competitions.CloseCompetition;

namespace Registry.Write.Competitions;

/// <summary>A launched competition ends: once; no prize is awarded in it afterwards.</summary>
public sealed class CloseCompetition : UseCase<Command>
{
    private static readonly CloseCompetition Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override string StreamOf(Command command) => StreamNames.Competition(command.CompetitionId);

    public override IEnumerable<ProvinceRef> ProvincesOf(Command command, Facts competition) => CompetitionFacts.Provinces(competition);

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts competition, Related related)
    {
        CompetitionFacts.RequireOpen(competition, c.CompetitionId, c.OccurredOn);
        yield return new CompetitionClosed(c.CompetitionId, c.OccurredOn, c.Source);
    }
}
