using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

/// <summary>Asks the registry to record <see cref="StartupRelocated"/>; it has exactly the event's fields.</summary>
public sealed record RelocateStartup(string StartupId, string FromProvinceCode, string ToProvinceCode, DateOnly OccurredOn, string Source) : IRegistryCommand;
