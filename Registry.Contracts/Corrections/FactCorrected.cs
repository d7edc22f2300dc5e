using System.Text.Json;
using Registry.Contracts.Common;

namespace Registry.Contracts.Corrections;

/// <summary>
/// A correction: a new event, in the same stream as the fact it corrects, carrying the corrected fact in full (same
/// type as the original, as JSON). Nothing is ever edited; readers apply the replacement from this event on.
/// </summary>
public sealed record FactCorrected(Guid CorrectedEventId, string CorrectedEventType, JsonElement Replacement, string Reason,
    DateOnly OccurredOn, string Source) : IRegistryEvent;
