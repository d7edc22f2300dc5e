using System.Buffers;
using System.Globalization;
using System.Text;

namespace Registry.Projections.Common;

/// <summary>
/// The search form of a text: lower case, without Vietnamese diacritics (đ becomes d), punctuation and runs of
/// white space collapsed to one space, so that "lang son" finds "Lạng Sơn" in either database without collations.
/// </summary>
public static class TextNormalizer
{
    /// <summary>
    /// The canonical decomposition (FormD) of each character outside ASCII met so far. Decomposing character by
    /// character gives what decomposing the whole text gives once its marks are dropped (the whole text's reordering
    /// only moves combining characters, which are dropped or are neither letters nor digits), without decomposing every
    /// text into a new string: a rebuild normalizes millions of names.
    /// </summary>
    private static readonly string?[] Decompositions = new string?[char.MaxValue + 1];

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var form = new Form(text.Length);
        try
        {
            // A surrogate pair decomposes as a pair (some into letters of the basic plane): decompose the whole text then.
            if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
                foreach (var c in text.Normalize(NormalizationForm.FormD)) form.Add(c);
            else
                foreach (var c in text)
                {
                    if (char.IsAscii(c)) form.Add(c);
                    else foreach (var d in Decompositions[c] ??= c.ToString().Normalize(NormalizationForm.FormD)) form.Add(d);
                }
            return form.ToString();
        }
        finally
        {
            form.Dispose();
        }
    }

    /// <summary>The normalized text being written, in a pooled buffer.</summary>
    private struct Form(int capacity) : IDisposable
    {
        private char[] _chars = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));
        private int _length;
        private bool _space;

        public void Add(char c)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) return;
            var lower = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (!char.IsLetterOrDigit(lower))
            {
                _space = true;
                return;
            }
            if (_length + 2 > _chars.Length) Grow();
            if (_space && _length > 0) _chars[_length++] = ' ';
            _chars[_length++] = lower;
            _space = false;
        }

        private void Grow()
        {
            var larger = ArrayPool<char>.Shared.Rent(_chars.Length * 2);
            _chars.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(_chars);
            _chars = larger;
        }

        public override readonly string ToString() => new(_chars, 0, _length);

        public readonly void Dispose() => ArrayPool<char>.Shared.Return(_chars);
    }
}
