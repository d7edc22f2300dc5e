using System.Text.Json;
using Registry.Contracts.Common;

namespace Registry.Contracts.Corrections;

/// <summary>Asks the registry to record <see cref="FactCorrected"/>; it has exactly the event's fields. The corrected event's type may be omitted: the write side fills it in from the log.</summary>
public sealed record CorrectFact(Guid CorrectedEventId, string? CorrectedEventType, JsonElement Replacement, string Reason,
    DateOnly OccurredOn, string Source) : IRegistryCommand;
