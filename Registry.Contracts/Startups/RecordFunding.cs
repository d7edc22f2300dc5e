using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

/// <summary>Asks the registry to record <see cref="FundingRecorded"/>; it has exactly the event's fields.</summary>
public sealed record RecordFunding(string StartupId, string FundingId, string? InvestorId, string InvestorName, decimal AmountVnd, string Round,
    DateOnly OccurredOn, string Source) : IRegistryCommand;
