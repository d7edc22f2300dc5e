using Registry.Contracts.Common;

namespace Registry.Contracts.Organizations;

/// <summary>A mentor or expert (cố vấn / chuyên gia): a person, so name and contacts are personal data.</summary>
public sealed record MentorRegistered(string MentorId, [property: PersonalData] string Name, IReadOnlyList<string> Expertise,
    string? ProvinceCode, string? OrganizationId, [property: PersonalData] string? Email, [property: PersonalData] string? Phone,
    DateOnly OccurredOn, string Source) : IRegistryEvent;
