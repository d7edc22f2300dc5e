using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.EventStore;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Corrections.RetractFact;

namespace Registry.Write.Corrections;

/// <summary>A fact found wrong altogether no longer counts from this event on; it stays in history.</summary>
public sealed class RetractFact : UseCase<Command>
{
    private static readonly RetractFact Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override async Task<string> ResolveStreamAsync(Command command, IEventStore store, CancellationToken ct) =>
        await CorrectionTargets.StreamOfAsync(store, command.RetractedEventId, ct);

    public override IEnumerable<ProvinceField> ProvincesNamed(Command command) => [];

    public override IEnumerable<ProvinceRef> ProvincesOf(Command command, Facts stream) => CorrectionTargets.ProvincesOf(stream, command.RetractedEventId);

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts stream, Related related)
    {
        var target = CorrectionTargets.Require(stream, c.RetractedEventId, c.RetractedEventType);
        yield return new FactRetracted(c.RetractedEventId, target.EventType, c.Reason, c.OccurredOn, c.Source);
    }
}
