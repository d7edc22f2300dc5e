using Registry.Contracts.Common;

namespace Registry.Contracts.Competitions;

/// <summary>Asks the registry to record <see cref="PrizeAwarded"/>; it has exactly the event's fields.</summary>
public sealed record AwardPrize(string CompetitionId, string PrizeId, RecipientKind RecipientKind, string RecipientId, string RecipientName,
    string Rank, decimal? AmountVnd, DateOnly OccurredOn, string Source) : IRegistryCommand;
