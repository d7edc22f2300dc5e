using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Competitions.LaunchCompetition;

namespace Registry.Write.Competitions;

/// <summary>A province launches a startup competition (cuộc thi khởi nghiệp) for a year: once per competition id.</summary>
public sealed class LaunchCompetition : UseCase<Command>
{
    private static readonly LaunchCompetition Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override bool StartsStream => true;

    public override string StreamOf(Command command) => StreamNames.Competition(command.CompetitionId);

    public override void Validate(Command c, FieldErrors errors) =>
        errors.Require(Math.Abs(c.Year - c.OccurredOn.Year) <= 1, "year", $"is not the year the competition was launched in ({c.OccurredOn.Year}) or next to it");

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts competition, Related related)
    {
        if (competition.First<CompetitionLaunched>() is { } launched)
            throw Rule.Broken($"competition '{c.CompetitionId}' is already launched ({launched.Name}, {launched.Year})");
        yield return new CompetitionLaunched(c.CompetitionId, c.Name, c.ProvinceCode, c.Year, c.Organizer, c.OccurredOn, c.Source);
    }
}
