using Registry.Contracts.Common;

namespace Registry.Contracts.Organizations;

/// <summary>Asks the registry to record <see cref="MentorRegistered"/>; it has exactly the event's fields.</summary>
public sealed record RegisterMentor(string MentorId, [property: PersonalData] string Name, IReadOnlyList<string> Expertise,
    string? ProvinceCode, string? OrganizationId, [property: PersonalData] string? Email, [property: PersonalData] string? Phone,
    DateOnly OccurredOn, string Source) : IRegistryCommand;
