using System.Globalization;
using Dapper;
using Registry.Read.Metrics;

namespace Registry.Read.Time;

/// <summary>
/// Valid time, beside record time (<c>asOf</c>): <c>validOn=DATE</c> keeps the facts that were true on that date by
/// what the registry knows now (or as of <c>asOf</c>): those whose valid-time date (<see cref="MetricSource.ValidOnColumn"/>)
/// is on or before it. Both together are the bitemporal view.
/// </summary>
public static class ValidTime
{
    public static DateOnly? Parse(string? validOn) =>
        string.IsNullOrWhiteSpace(validOn) ? null
        : DateOnly.TryParseExact(validOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new QueryParameterException("validOn", $"'{validOn}' is not an ISO date (2023-12-31)");

    /// <summary>The unit filter, bounded by valid time when <paramref name="validOn"/> is given (adds @validOn).</summary>
    public static string Bound(string unitFilter, string column, DateOnly? validOn, DynamicParameters p)
    {
        if (validOn is not { } d) return unitFilter;
        p.Add("validOn", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return $"{unitFilter} AND {column} <= @validOn";
    }
}
