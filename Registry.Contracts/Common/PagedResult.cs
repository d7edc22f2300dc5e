namespace Registry.Contracts.Common;

/// <summary>
/// One page of a list answered as of a log position (<paramref name="Page"/> is 1-based). Counting every match of a
/// common word costs more than the page itself, so a list may stop counting: <paramref name="TotalExact"/> false
/// means there are at least <paramref name="Total"/> items (more than a client can page through at once).
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total, long AsOfPosition, bool TotalExact);
