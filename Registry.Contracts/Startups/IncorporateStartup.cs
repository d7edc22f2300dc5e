using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

/// <summary>Asks the registry to record <see cref="StartupIncorporated"/>; it has exactly the event's fields.</summary>
public sealed record IncorporateStartup(string StartupId, string CompanyName, string EnterpriseCode, DateOnly OccurredOn, string Source) : IRegistryCommand;
