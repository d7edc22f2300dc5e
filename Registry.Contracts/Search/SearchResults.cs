namespace Registry.Contracts.Search;

public sealed record SearchResults(string Query, long AsOfPosition, IReadOnlyList<SearchHit> Hits);
