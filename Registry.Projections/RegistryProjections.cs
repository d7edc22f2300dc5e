using Registry.Projections.Diagnostics;
using Registry.Projections.Runtime;

namespace Registry.Projections;

/// <summary>
/// The registration point: every projection the registry runs. Add a read model by appending an instance here; the
/// server (<c>registry serve</c>, roles projections and all) and the CLI (<c>registry projections …</c>) both take
/// this list, so a projection cannot be known to one and not the other.
/// </summary>
public static class RegistryProjections
{
    public static IReadOnlyList<IProjection> All { get; } =
    [
        new EventCountsProjection(),
        new StreamHeadsProjection(),
    ];
}
