using System.Globalization;

namespace Registry.Projections.Common;

/// <summary>Dates are stored as ISO text (yyyy-MM-dd): they compare correctly as strings in both databases.</summary>
public static class IsoDate
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
