using Registry.Contracts.Common;

namespace Registry.Contracts.Plans;

/// <summary>Asks the registry to record <see cref="ResolutionIssued"/>; it has exactly the event's fields.</summary>
public sealed record IssueResolution(string ResolutionId, string Number, string Issuer, DateOnly IssuedOn, string ProvinceCode,
    string Title, string Summary, DateOnly OccurredOn, string Source) : IRegistryCommand;
