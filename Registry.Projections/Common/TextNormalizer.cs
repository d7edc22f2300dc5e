using System.Globalization;
using System.Text;

namespace Registry.Projections.Common;

/// <summary>
/// The search form of a text: lower case, without Vietnamese diacritics (đ becomes d), punctuation and runs of
/// white space collapsed to one space, so that "lang son" finds "Lạng Sơn" in either database without collations.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (char.IsLetterOrDigit(lower))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(lower);
                space = false;
            }
            else space = true;
        }
        return sb.ToString();
    }
}
