using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

/// <summary>A founder: personal data, never sent to partners.</summary>
public sealed record Founder(
    [property: PersonalData] string Name,
    string? Role = null,
    [property: PersonalData] string? Phone = null,
    [property: PersonalData] string? Email = null,
    [property: PersonalData] string? IdNumber = null);
