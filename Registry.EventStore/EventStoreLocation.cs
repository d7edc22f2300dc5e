using Registry.EventStore.Postgres;
using Registry.EventStore.Sqlite;

namespace Registry.EventStore;

/// <summary>Where the log lives: the embedded SQLite file (default <c>./data/registry.db</c>) or a PostgreSQL connection string.</summary>
public sealed record EventStoreLocation(string Kind, string Connection)
{
    public const string Sqlite = "sqlite", Postgres = "postgres";
    public const string DefaultSqlitePath = "data/registry.db";

    public static EventStoreLocation Parse(string? kind, string? connection)
    {
        kind = string.IsNullOrWhiteSpace(kind) ? Sqlite : kind.Trim().ToLowerInvariant();
        return kind switch
        {
            Sqlite => new(Sqlite, string.IsNullOrWhiteSpace(connection) ? DefaultSqlitePath : connection),
            Postgres when string.IsNullOrWhiteSpace(connection) =>
                throw new ArgumentException("--store postgres needs a connection string (--connection or REGISTRY_CONNECTION)", nameof(connection)),
            Postgres => new(Postgres, connection!),
            _ => throw new ArgumentException($"--store must be 'sqlite' or 'postgres', not '{kind}'", nameof(kind)),
        };
    }

    public async Task<SqlEventStore> OpenAsync(AppendLimits? limits = null, CancellationToken ct = default) => Kind == Postgres
        ? await PostgresEventStore.OpenAsync(Connection, limits, ct)
        : await SqliteEventStore.OpenAsync(Connection, limits, ct);
}
