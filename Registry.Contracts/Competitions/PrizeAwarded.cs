using Registry.Contracts.Common;

namespace Registry.Contracts.Competitions;

/// <summary>A prize to a startup or project the registry knows (<paramref name="RecipientId"/> is a startup id).</summary>
public sealed record PrizeAwarded(string CompetitionId, string PrizeId, RecipientKind RecipientKind, string RecipientId, string RecipientName,
    string Rank, decimal? AmountVnd, DateOnly OccurredOn, string Source) : IRegistryEvent;
