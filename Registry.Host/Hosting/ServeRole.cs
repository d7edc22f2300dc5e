namespace Registry.Host.Hosting;

/// <summary>What one <c>registry serve</c> process does; several processes with different roles can share one PostgreSQL.</summary>
public enum ServeRole
{
    /// <summary>Everything (the default, and the only sensible choice on the embedded SQLite store).</summary>
    All,
    /// <summary>Commands: appends to the log.</summary>
    Write,
    /// <summary>Queries over the read models.</summary>
    Read,
    /// <summary>Projection workers: each projection is owned by one such process at a time.</summary>
    Projections,
}
