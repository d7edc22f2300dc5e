using Registry.Contracts.Common;

namespace Registry.Contracts.Organizations;

/// <summary>Asks the registry to record <see cref="InvestorRegistered"/>; it has exactly the event's fields.</summary>
public sealed record RegisterInvestor(string InvestorId, string Name, InvestorKind Kind, string? ProvinceCode,
    [property: PersonalData] string? PersonName, [property: PersonalData] string? Email, [property: PersonalData] string? Phone,
    DateOnly OccurredOn, string Source) : IRegistryCommand;
