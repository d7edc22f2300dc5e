namespace Registry.Contracts.Competitions;

public sealed record PrizeSummary(string PrizeId, string RecipientKind, string RecipientId, string RecipientName, string Rank, decimal? AmountVnd,
    string Source, Guid EventId);
