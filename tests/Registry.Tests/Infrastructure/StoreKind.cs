using Registry.EventStore;
using Registry.EventStore.Postgres;
using Registry.EventStore.Sqlite;

namespace Registry.Tests.Infrastructure;

/// <summary>The two adapters every conformance fixture runs against; each call gives a new, empty log.</summary>
public static class StoreKind
{
    public const string Sqlite = "sqlite", Postgres = "postgres";
    public static readonly string[] All = [Sqlite, Postgres];

    /// <summary>A location for a new, empty log of that kind (a temp file, or a fresh database).</summary>
    public static EventStoreLocation NewLocation(string kind) => kind switch
    {
        Sqlite => new EventStoreLocation(EventStoreLocation.Sqlite,
            Path.Combine(Path.GetTempPath(), "registry-tests", Guid.NewGuid().ToString("N"), "registry.db")),
        Postgres => new EventStoreLocation(EventStoreLocation.Postgres, PostgresCluster.CreateDatabase()),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static async Task<SqlEventStore> OpenNewAsync(string kind, AppendLimits? limits = null) =>
        await NewLocation(kind).OpenAsync(limits);
}
