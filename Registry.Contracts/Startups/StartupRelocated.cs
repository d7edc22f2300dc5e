using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

public sealed record StartupRelocated(string StartupId, string FromProvinceCode, string ToProvinceCode, DateOnly OccurredOn, string Source) : IRegistryEvent;
