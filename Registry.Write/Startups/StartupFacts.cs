using Registry.Contracts.Startups;
using Registry.Write.Pipeline;

namespace Registry.Write.Startups;

/// <summary>What the startup rules read from a startup's stream.</summary>
public static class StartupFacts
{
    /// <summary>The registered startup, if it is still open; otherwise the rule it breaks.</summary>
    public static StartupRegistered RequireOpen(Facts startup, string startupId)
    {
        var registered = startup.First<StartupRegistered>() ?? throw Rule.Broken($"startup '{startupId}' is not registered");
        if (startup.Last<StartupClosed>() is { } closed)
            throw Rule.Broken($"startup '{startupId}' was closed on {closed.OccurredOn:yyyy-MM-dd}");
        return registered;
    }

    /// <summary>Where the startup is now: where it registered, or where it last moved to.</summary>
    public static ProvinceRef? CurrentProvince(Facts startup)
    {
        var registered = startup.First<StartupRegistered>();
        if (registered is null) return null;
        var moved = startup.Last<StartupRelocated>();
        return moved is null ? new ProvinceRef(registered.ProvinceCode, registered.OccurredOn) : new ProvinceRef(moved.ToProvinceCode, moved.OccurredOn);
    }

    public static IEnumerable<ProvinceRef> Provinces(Facts startup) => CurrentProvince(startup) is { } p ? [p] : [];
}
