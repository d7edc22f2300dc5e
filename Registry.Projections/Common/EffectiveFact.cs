using Registry.Contracts.Common;

namespace Registry.Projections.Common;

/// <summary>A fact of a stream as it stands after its corrections: <paramref name="RevisedBy"/> is the last correction
/// that replaced its payload, if any.</summary>
public sealed record EffectiveFact(Guid EventId, Guid? RevisedBy, string Type, IRegistryEvent Data);
