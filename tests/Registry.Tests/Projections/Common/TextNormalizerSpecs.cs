using System.Globalization;
using System.Text;
using Registry.Projections.Common;

namespace Registry.Tests.Projections.Common;

/// <summary>
/// The search form drops Vietnamese diacritics and case, and collapses everything between letters and digits to one
/// space. It decomposes character by character: the result must be what decomposing the whole text gives.
/// </summary>
public sealed class TextNormalizerSpecs
{
    [TestCase("Lạng Sơn", "lang son")]
    [TestCase("  Đà Nẵng — TP. Hồ Chí Minh!! ", "da nang tp ho chi minh")]
    [TestCase("ĐỔI MỚI sáng-tạo 2025", "doi moi sang tao 2025")]
    [TestCase(" \t ", "")]
    [TestCase(null, "")]
    public void Drops_diacritics_case_and_punctuation(string? text, string expected) =>
        Assert.That(TextNormalizer.Normalize(text), Is.EqualTo(expected));

    [TestCase("Lạng Sơn, Quảng Ninh; Thừa Thiên Huế")]
    [TestCase("Ångström Ω 한국어 ﬁ Ǆ İstanbul")] // singletons, Hangul (into several letters), compatibility forms left alone
    [TestCase("e\u0301\u0323 o\u031B\u0300 a\u0308\u0304x")] // marks already apart, in any order
    [TestCase("\U0002F800 𝔘𝔫𝔦 😀 a")] // beyond the basic plane: some decompose into letters of it
    [TestCase("tiếng Việt có dấu ")]
    public void Gives_what_decomposing_the_whole_text_gives(string text) =>
        Assert.That(TextNormalizer.Normalize(text), Is.EqualTo(Decomposed(text)));

    [Test]
    public void Every_character_of_the_basic_plane_normalizes_as_in_a_whole_text()
    {
        var differing = new List<int>();
        for (var c = 0x80; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            var text = $"Ạ{(char)c}\u0301b{(char)c}\u0323";
            if (Outcome(() => TextNormalizer.Normalize(text)) != Outcome(() => Decomposed(text))) differing.Add(c);
        }
        Assert.That(differing, Is.Empty);
    }

    [Test]
    public void A_long_text_is_normalized_whole()
    {
        var text = string.Concat(Enumerable.Repeat("Khởi nghiệp đổi mới sáng tạo. ", 200));
        Assert.That(TextNormalizer.Normalize(text), Is.EqualTo(Decomposed(text)));
    }

    /// <summary>The text, or the exception (code points that are no characters, such as U+FFFF, cannot be normalized).</summary>
    private static string Outcome(Func<string> normalize)
    {
        try { return normalize(); }
        catch (ArgumentException e) { return e.GetType().Name; }
    }

    /// <summary>The definition: the whole text in FormD, marks dropped, lower case, đ as d, runs of anything else one space.</summary>
    private static string Decomposed(string text)
    {
        var sb = new StringBuilder();
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (!char.IsLetterOrDigit(lower)) { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            sb.Append(lower);
            space = false;
        }
        return sb.ToString();
    }
}
