namespace Registry.Host.Cli.Bench;

/// <summary>The two baselines an append is measured against.</summary>
public enum RawTableKind
{
    /// <summary>A bare table: no key, no index, no constraint, the payloads as bytes. The upper bound.</summary>
    Bare,

    /// <summary>
    /// The table the machine-limits note measured its raw limits with (shared/notes/machine-limits.md, the figures
    /// issue 2 quotes): an identity primary key, <c>UNIQUE (stream_id, stream_version)</c>, the payloads as JSON
    /// (<c>jsonb</c> on PostgreSQL), a creation time. What a minimal event table needs to be read back by stream.
    /// </summary>
    Reference,
}
