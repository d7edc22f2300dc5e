using Registry.Contracts.Common;
using Registry.Contracts.Plans;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Plans.IssueResolution;

namespace Registry.Write.Plans;

/// <summary>A People's Council resolution (Nghị quyết, such as 13/2019/NQ-HĐND): once per id.</summary>
public sealed class IssueResolution : UseCase<Command>
{
    private static readonly IssueResolution Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override bool StartsStream => true;

    public override string StreamOf(Command command) => StreamNames.Resolution(command.ResolutionId);

    public override void Validate(Command c, FieldErrors errors) =>
        errors.Require(c.IssuedOn <= c.OccurredOn, "issuedOn", "is after occurredOn: a resolution is recorded when it is issued, or later");

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts resolution, Related related)
    {
        if (resolution.First<ResolutionIssued>() is { } issued) throw Rule.Broken($"resolution '{c.ResolutionId}' is already recorded ({issued.Number})");
        yield return new ResolutionIssued(c.ResolutionId, c.Number, c.Issuer, c.IssuedOn, c.ProvinceCode, c.Title, c.Summary, c.OccurredOn, c.Source);
    }
}
