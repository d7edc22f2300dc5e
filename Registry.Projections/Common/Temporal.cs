namespace Registry.Projections.Common;

/// <summary>
/// Every read-model row is a version in record time: visible from log position <c>valid_from</c> up to, not
/// including, <c>valid_to</c> (NULL while current). A query as of position P keeps the versions visible at P.
/// </summary>
public static class Temporal
{
    /// <summary>The provenance and version columns every read-model table ends with.</summary>
    public const string Columns =
        "stream TEXT NOT NULL, event_id TEXT NOT NULL, revised_by TEXT, occurred_on TEXT NOT NULL, source TEXT NOT NULL, " +
        "valid_from BIGINT NOT NULL, valid_to BIGINT";

    /// <summary>The matching INSERT column list and parameters (a <see cref="Fact"/> supplies them, and the
    /// <see cref="Runtime.RowParameters"/> its <c>ValidTo</c>).</summary>
    public const string InsertColumns = "stream, event_id, revised_by, occurred_on, source, valid_from, valid_to";
    public const string InsertValues = "@Stream, @EventId, @RevisedBy, @OccurredOn, @Source, @ValidFrom, @ValidTo";

    /// <summary>The predicate "visible as of @asOf" for a table alias (empty for none).</summary>
    public static string VisibleAt(string alias = "", string parameter = "@asOf")
    {
        var a = alias.Length == 0 ? "" : alias + ".";
        return $"{a}valid_from <= {parameter} AND ({a}valid_to IS NULL OR {a}valid_to > {parameter})";
    }

    /// <summary>The index a correction uses to close a stream's current rows and drop the versions it never showed.</summary>
    public static string StreamIndex(string physicalTable) =>
        $"CREATE INDEX ix_{physicalTable}_stream ON {physicalTable} (stream, valid_to)";
}
