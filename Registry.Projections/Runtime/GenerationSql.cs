namespace Registry.Projections.Runtime;

/// <summary>
/// A statement's SQL written against a projection's tables by their base names, turned into the physical names of a
/// batch's generation when the batch first prepares it (<see cref="BatchStatements"/>). Kept in a static field, it
/// spares building the SQL text for every row, and looking the prepared statement up by that text: a rebuild writes
/// millions of rows, and both cost more than binding their values.
/// </summary>
public sealed class GenerationSql(Func<Func<string, string>, string> text)
{
    /// <summary>The SQL with every table named through <paramref name="table"/> (see <see cref="ProjectionBatch.Table"/>).</summary>
    public string For(Func<string, string> table) => text(table);
}
