using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

public sealed record StartupClosed(string StartupId, string Reason, DateOnly OccurredOn, string Source) : IRegistryEvent;
