using Registry.Contracts.Common;

namespace Registry.Contracts.Organizations;

/// <summary>An investor. An angel is a person: their name is then personal data, kept in <paramref name="PersonName"/>.</summary>
public sealed record InvestorRegistered(string InvestorId, string Name, InvestorKind Kind, string? ProvinceCode,
    [property: PersonalData] string? PersonName, [property: PersonalData] string? Email, [property: PersonalData] string? Phone,
    DateOnly OccurredOn, string Source) : IRegistryEvent;
