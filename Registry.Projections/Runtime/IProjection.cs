namespace Registry.Projections.Runtime;

/// <summary>
/// A projection turns events of <c>$all</c> into rows of its own tables. The runner reads from the projection's
/// checkpoint, hands it batches, and commits its rows and its checkpoint in one transaction.
/// <para>
/// Tables are built per generation so that a rebuild can run beside the version that keeps serving: DDL and SQL name
/// tables through <see cref="ProjectionBatch.Table"/> (physical name <c>{table}_g{generation}</c>), and queries read
/// the stable view <c>{table}</c> that the runner switches atomically when a rebuild has caught up.
/// </para>
/// </summary>
public interface IProjection
{
    /// <summary>Unique, lower-case, e.g. <c>startups</c>.</summary>
    string Name { get; }

    /// <summary>Raise it when the schema or the handling changes: the runner then rebuilds beside the old version.</summary>
    int Version { get; }

    /// <summary>The base names of the tables this projection owns (each gets a stable view of the same name).</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>DDL statements creating this projection's tables (and indexes) for one generation, named through <paramref name="table"/>.</summary>
    IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table);

    /// <summary>
    /// DDL of the indexes only queries use, never the projection's own statements: created with the tables by the
    /// runner, and after the last event by an offline rebuild, where building an index once from sorted rows costs far
    /// less than keeping it up to date row by row.
    /// </summary>
    IReadOnlyList<string> QueryIndexes(SqlDialect dialect, Func<string, string> table) => [];

    /// <summary>Applies a batch of events in the runner's transaction. Throwing faults this projection only.</summary>
    Task HandleAsync(ProjectionBatch batch, CancellationToken ct);
}
