using Registry.Contracts.Common;

namespace Registry.Contracts.Plans;

/// <summary>A People's Council resolution (Nghị quyết), such as 13/2019/NQ-HĐND on spending levels for startup support.</summary>
public sealed record ResolutionIssued(string ResolutionId, string Number, string Issuer, DateOnly IssuedOn, string ProvinceCode,
    string Title, string Summary, DateOnly OccurredOn, string Source) : IRegistryEvent;
