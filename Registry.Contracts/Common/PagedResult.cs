namespace Registry.Contracts.Common;

/// <summary>One page of a list answered as of a log position (<paramref name="Page"/> is 1-based).</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total, long AsOfPosition);
