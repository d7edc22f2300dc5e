using System.Globalization;
using System.Text;

namespace Registry.Write.Provinces;

/// <summary>Compares province names the way people write them: without "Tỉnh"/"Thành phố", accents or case (Bắc Kan is Bắc Kạn).</summary>
public static class ProvinceNames
{
    private static readonly string[] Prefixes = ["tinh ", "thanh pho ", "tp. ", "tp "];

    public static string Normalize(string name)
    {
        var decomposed = name.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) plain.Append(c);
        var result = string.Join(' ', plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var prefix in Prefixes)
            if (result.StartsWith(prefix, StringComparison.Ordinal)) return result[prefix.Length..];
        return result;
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
