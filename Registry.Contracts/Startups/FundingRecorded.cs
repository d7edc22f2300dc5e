using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

/// <summary>An investment in a startup: investor (registered id or name), amount in VND, round (seed, series A…).</summary>
public sealed record FundingRecorded(string StartupId, string FundingId, string? InvestorId, string InvestorName, decimal AmountVnd, string Round,
    DateOnly OccurredOn, string Source) : IRegistryEvent;
