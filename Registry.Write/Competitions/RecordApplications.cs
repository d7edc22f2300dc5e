using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Competitions.RecordApplications;

namespace Registry.Write.Competitions;

/// <summary>The applications a launched competition received, and how many were valid (hồ sơ hợp lệ): never more valid than received.</summary>
public sealed class RecordApplications : UseCase<Command>
{
    private static readonly RecordApplications Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override string StreamOf(Command command) => StreamNames.Competition(command.CompetitionId);

    public override IEnumerable<ProvinceRef> ProvincesOf(Command command, Facts competition) => CompetitionFacts.Provinces(competition);

    public override void Validate(Command c, FieldErrors errors) =>
        errors.Require(c.Valid.Value <= c.Received.Value, "valid.value", $"{c.Valid.Value} valid applications exceed the {c.Received.Value} received");

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts competition, Related related)
    {
        CompetitionFacts.RequireLaunched(competition, c.CompetitionId, c.OccurredOn);
        yield return new ApplicationsRecorded(c.CompetitionId, c.Received, c.Valid, c.OccurredOn, c.Source);
    }
}
