using Registry.Contracts.Common;

namespace Registry.Write.Pipeline;

/// <summary>A value no two entities may hold (a plan number in a province), claimed by <paramref name="Fact"/> as the first event of <paramref name="Stream"/>.</summary>
public sealed record UniqueClaim(string Stream, IRegistryEvent Fact);
