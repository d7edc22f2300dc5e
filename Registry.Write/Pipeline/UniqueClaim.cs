using Registry.Contracts.Common;

namespace Registry.Write.Pipeline;

/// <summary>
/// A value no two entities may hold (a plan number in a province), claimed by <paramref name="Fact"/>, which is
/// appended with the command's facts under an event id derived from <paramref name="Value"/> alone.
/// </summary>
public sealed record UniqueClaim(string Value, IRegistryEvent Fact)
{
    public Guid EventId { get; } = DeterministicId.ForClaim(Value);
}
