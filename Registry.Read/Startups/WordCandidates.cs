using System.Data.Common;
using System.Text.Json;
using Dapper;

namespace Registry.Read.Startups;

/// <summary>
/// SQLite: the startups a search may match, from the word index (<c>startup_words</c>), when they are few. A search
/// matches a text that holds it anywhere, so its words are looked up as the parts of words they can be: a single word
/// anywhere inside a word; of several, the first at the end of a word, the last at the start of one, the others whole.
/// Each word's startups are a superset of the matches (a startup whose text held the word in any version), so the
/// rarest word's startups, less those without one of the whole words, are the candidates, and the query checks each
/// against the text of its visible version.
/// </summary>
internal static class WordCandidates
{
    /// <summary>
    /// At most this many candidates: each costs a few seeks (measured on 1M events: about 4 µs), where walking the name
    /// index in order stops after the matches a page and its count need. At this many startups, a word is common enough
    /// for the walk to stop early; the fewer, the more of the index the walk reads (all of it for a rare word, 50 ms).
    /// </summary>
    public const int Cap = 2000;

    /// <summary>
    /// At most this many startups of the rarest word are narrowed down by the whole words (a seek each, about 1 µs): a
    /// name's number is a word of a few thousand startups ("87" starts 87 and 870 to 879), and "ca phe 87" a few of them.
    /// </summary>
    private const int Narrowed = 4 * Cap;

    /// <summary>Startups few enough to check (about 2 ms) that counting another word's would not pay.</summary>
    private const int FewEnough = Cap / 4;

    /// <summary>The ids of the candidates as a JSON array (for <c>json_each</c>), or null when there are too many to be worth it.</summary>
    public static async Task<string?> FindAsync(DbConnection connection, string normalized, CancellationToken ct)
    {
        var words = normalized.Split(' ');
        // GLOB, not LIKE: it is case-sensitive, so SQLite seeks a prefix in the index; a normalized word holds only
        // letters and digits, none of GLOB's special characters.
        // The last word first, then the whole words, then the first, which is the dearest to look up.
        (string Glob, string? Within)[] globs = words.Length == 1 ? [($"*{words[0]}*", $"{words[0]}*")]
            : [($"{words[^1]}*", null), .. words[1..^1].Select(w => (w, (string?)null)), ($"*{words[0]}", words[0])];
        (string Glob, long Count)? rarest = null;
        foreach (var (glob, within) in globs.Distinct())
        {
            // Looking a part of a word up reads every word of the vocabulary (2 ms for 28,000); the words it is the start
            // of, or the word itself, are a seek, and when they alone are in too many startups, so is the part.
            if (within is not null && await CountAsync(connection, within, ct) > Narrowed) continue;
            var count = await CountAsync(connection, glob, ct);
            if (count <= Narrowed && (rarest is null || count < rarest.Value.Count)) rarest = (glob, count);
            if (rarest?.Count <= FewEnough) break;
        }
        if (rarest is not { } driving) return null;
        var wholeWords = words.Length > 2 ? words[1..^1].Where(w => w != driving.Glob).Distinct().ToList() : [];
        if (driving.Count > Cap && wholeWords.Count == 0) return null;
        var parameters = new DynamicParameters(new { glob = driving.Glob });
        for (var i = 0; i < wholeWords.Count; i++) parameters.Add($"w{i}", wholeWords[i]);
        var ids = (await connection.QueryAsync<string>(new CommandDefinition(
            $"""
            SELECT startup_id FROM ({Startups("@glob", Narrowed)}) d
            WHERE {string.Concat(wholeWords.Select((_, i) => $"EXISTS (SELECT 1 FROM startup_words w WHERE w.word = @w{i} AND w.startup_id = d.startup_id) AND "))}1
            LIMIT {Cap + 1}
            """,
            parameters, cancellationToken: ct))).AsList();
        return ids.Count <= Cap ? JsonSerializer.Serialize(ids) : null;
    }

    /// <summary>
    /// How many startups have a word <paramref name="glob"/> matches, counted up to <see cref="Narrowed"/> and one more:
    /// the rows of those words, without removing the few startups counted twice (two words of one, or a word recorded
    /// again after a correction), which doubled the cost of counting a common word.
    /// </summary>
    private static Task<long> CountAsync(DbConnection connection, string glob, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT count(*) FROM (SELECT 1 FROM startup_vocabulary v CROSS JOIN startup_words w ON w.word = v.word WHERE v.word GLOB @glob LIMIT {Narrowed + 1})",
            new { glob }, cancellationToken: ct));

    /// <summary>The distinct startups with a word the GLOB pattern <paramref name="glob"/> matches, at most <paramref name="limit"/>.</summary>
    private static string Startups(string glob, int limit) =>
        // The vocabulary first (CROSS JOIN keeps SQLite's join order): a part of a word is looked for among the words,
        // not among every row of every word.
        $"SELECT DISTINCT w.startup_id FROM startup_vocabulary v CROSS JOIN startup_words w ON w.word = v.word WHERE v.word GLOB {glob} LIMIT {limit}";
}
