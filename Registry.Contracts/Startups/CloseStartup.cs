using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

/// <summary>Asks the registry to record <see cref="StartupClosed"/>; it has exactly the event's fields.</summary>
public sealed record CloseStartup(string StartupId, string Reason, DateOnly OccurredOn, string Source) : IRegistryCommand;
