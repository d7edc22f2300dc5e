using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.EventStore;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Corrections.CorrectFact;

namespace Registry.Write.Corrections;

/// <summary>A fact found wrong is corrected by a new event in its stream, carrying the whole corrected fact; nothing is edited. The fact keeps its identity (its ids).</summary>
public sealed class CorrectFact : UseCase<Command>
{
    private static readonly CorrectFact Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override async Task<string> ResolveStreamAsync(Command command, IEventStore store, CancellationToken ct) =>
        await CorrectionTargets.StreamOfAsync(store, command.CorrectedEventId, ct);

    /// <summary>The replacement's provinces, valid on the replacement's own date.</summary>
    public override IEnumerable<ProvinceField> ProvincesNamed(Command command) => CorrectionTargets.ProvincesIn(command.Replacement, command.OccurredOn);

    public override IEnumerable<ProvinceRef> ProvincesOf(Command command, Facts stream) => CorrectionTargets.ProvincesOf(stream, command.CorrectedEventId);

    public override void Validate(Command c, FieldErrors errors)
    {
        if (c.CorrectedEventType is not { } type) return;
        if (!EventCatalogue.TryGetType(type, out var clr)) errors.Add("correctedEventType", $"'{type}' is not an event type of the catalogue");
        else JsonShape.Check(c.Replacement, clr, errors, "replacement");
    }

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts stream, Related related)
    {
        var target = CorrectionTargets.Require(stream, c.CorrectedEventId, c.CorrectedEventType);
        var shape = new FieldErrors();
        JsonShape.Check(c.Replacement, target.Fact.GetType(), shape, "replacement");
        if (!shape.Any && !JsonShape.IsComplete(c.Replacement, target.Fact.GetType()))
            shape.Add("replacement", "must give every field of the fact, null where unknown: it is stored as given");
        if (shape.Any) throw new CommandRejectedException(CommandError.Invalid(shape.ToDictionary()));
        var replacement = (IRegistryEvent)c.Replacement.Deserialize(target.Fact.GetType(), RegistryJson.Options)!;
        var current = stream.Effective.First(f => f.EventId == c.CorrectedEventId).Fact;
        foreach (var id in IdentityOf(current).Where(id => !Equals(id.Value, IdentityOf(replacement)[id.Key])))
            throw Rule.Broken($"a correction keeps the fact's identity: {id.Key} stays '{id.Value}' (retract the fact and record a new one instead)");
        if (JsonSerializer.Serialize(current, current.GetType(), RegistryJson.Options) == JsonSerializer.Serialize(replacement, replacement.GetType(), RegistryJson.Options))
            throw Rule.Broken($"the replacement is the fact as it stands: nothing to correct");
        yield return new FactCorrected(c.CorrectedEventId, target.EventType, c.Replacement, c.Reason, c.OccurredOn, c.Source);
    }

    /// <summary>The fact's ids (StartupId, CompetitionId, PrizeId…): what makes it the same fact.</summary>
    private static Dictionary<string, object?> IdentityOf(IRegistryEvent fact) => fact.GetType().GetProperties()
        .Where(p => p.Name.EndsWith("Id", StringComparison.Ordinal) || p.Name is "Year" or "Code")
        .ToDictionary(p => RegistryJson.Options.PropertyNamingPolicy!.ConvertName(p.Name), p => p.GetValue(fact));
}
