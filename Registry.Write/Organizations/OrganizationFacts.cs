using Registry.Contracts.Organizations;
using Registry.Write.Pipeline;

namespace Registry.Write.Organizations;

/// <summary>What the organization rules read from an organization's stream.</summary>
public static class OrganizationFacts
{
    public static SupportOrganizationRegistered RequireOpen(Facts organization, string organizationId)
    {
        var registered = organization.First<SupportOrganizationRegistered>() ?? throw Rule.Broken($"organization '{organizationId}' is not registered");
        if (organization.Last<OrganizationClosed>() is { } closed)
            throw Rule.Broken($"organization '{organizationId}' was closed on {closed.OccurredOn:yyyy-MM-dd}");
        return registered;
    }

    /// <summary>A provincial organization's province; none for a national one (its facts are for administrators).</summary>
    public static IEnumerable<ProvinceRef> Provinces(Facts organization) =>
        organization.First<SupportOrganizationRegistered>() is { ProvinceCode: { } code } registered ? [new ProvinceRef(code, registered.OccurredOn)] : [];
}
