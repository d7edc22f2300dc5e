using System.Text.Json;
using Registry.Projections.Runtime;

namespace Registry.Projections.Startups;

/// <summary>
/// SQLite's word index of the startups' search text, for a search to find a rare word's few startups by a seek
/// instead of walking every startup (PostgreSQL has its trigram index; its tables stay empty). <c>startup_words</c>:
/// a word and a startup whose text held it in some version; <c>startup_vocabulary</c>: every word once, so that a part
/// of a word ("671" in "st671") is looked up among the words rather than among all their rows. Both only grow: a word a
/// startup no longer has, or one of a version a correction dropped, stays, and the search checks every startup it
/// finds against the text of its version (the index only narrows down where to look).
/// </summary>
internal static class StartupWords
{
    public const string Table = "startup_words";
    public const string Vocabulary = "startup_vocabulary";

    /// <summary>
    /// Records the words of a startup's new search text that its previous one lacked (all of them for a new startup):
    /// a startup's versions mostly share their words, and a quarter fewer rows are written than one per version and word.
    /// </summary>
    public static async Task AddAsync(ProjectionBatch b, string startupId, string search, string? previousSearch)
    {
        if (b.Dialect != SqlDialect.Sqlite) return;
        var words = search.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal);
        if (previousSearch is not null) words = words.Except(previousSearch.Split(' '), StringComparer.Ordinal);
        var added = words.ToArray();
        if (added.Length == 0) return;
        // One statement per table and version: the words go as one JSON array.
        var json = JsonSerializer.Serialize(added);
        await b.Statements.ExecuteAsync(InsertWords, new { id = startupId, words = json });
        await b.Statements.ExecuteAsync(InsertVocabulary, new { words = json });
    }

    private static readonly GenerationSql InsertWords = new(t => $"INSERT INTO {t(Table)} (word, startup_id) SELECT value, @id FROM json_each(@words)");
    private static readonly GenerationSql InsertVocabulary = new(t => $"INSERT OR IGNORE INTO {t(Vocabulary)} (word) SELECT value FROM json_each(@words)");
}
