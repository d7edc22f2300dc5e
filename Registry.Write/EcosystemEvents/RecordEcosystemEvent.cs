using Registry.Contracts.Common;
using Registry.Contracts.EcosystemEvents;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.EcosystemEvents.RecordEcosystemEvent;

namespace Registry.Write.EcosystemEvents;

/// <summary>A Techfest, workshop, forum or meeting (hội thảo, diễn đàn, tọa đàm): once per id; the host province is among the provinces involved.</summary>
public sealed class RecordEcosystemEvent : UseCase<Command>
{
    private static readonly RecordEcosystemEvent Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override bool StartsStream => true;

    public override string StreamOf(Command command) => StreamNames.EcosystemEvent(command.EcosystemEventId);

    public override void Validate(Command c, FieldErrors errors)
    {
        errors.Require(c.ProvinceCodes.Contains(c.HostProvinceCode), "provinceCodes", $"does not include the host province {c.HostProvinceCode}");
        errors.Require(c.ProvinceCodes.Distinct().Count() == c.ProvinceCodes.Count, "provinceCodes", "lists a province twice");
    }

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts ecosystemEvent, Related related)
    {
        if (ecosystemEvent.First<EcosystemEventRecorded>() is { } recorded)
            throw Rule.Broken($"event '{c.EcosystemEventId}' is already recorded ({recorded.Title}, {recorded.HeldOn:yyyy-MM-dd})");
        yield return new EcosystemEventRecorded(c.EcosystemEventId, c.Kind, c.Title, c.Theme, c.HostProvinceCode, c.ProvinceCodes, c.Region, c.Organizer,
            c.HeldOn, c.Attendees, c.Exhibits, c.OccurredOn, c.Source);
    }
}
