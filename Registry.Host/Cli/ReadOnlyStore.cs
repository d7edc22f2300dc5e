using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Registry.EventStore;

namespace Registry.Host.Cli;

/// <summary>
/// What the commands that only read (query, audit, replay, verify) say instead of answering from nothing: SQLite
/// creates a missing file on open, so a mistyped <c>--connection</c> would be an empty registry ("OK: 0 events"), and
/// a log just seeded has no read models until a server has built them.
/// </summary>
public static class ReadOnlyStore
{
    public const string ReadModelsNotBuilt =
        "the read models are not built in this database yet: run 'registry serve' (or ops/run) once, which builds them as it starts; " +
        "'registry projections status' shows how far they are";

    /// <summary>Why there is nothing to read at <paramref name="location"/>, or null when there is a database.</summary>
    public static string? Missing(EventStoreLocation location) =>
        location.Kind == EventStoreLocation.Sqlite && !File.Exists(location.Connection)
            ? $"no registry database at '{Path.GetFullPath(location.Connection)}': give --connection (or REGISTRY_CONNECTION), or create one with ops/run or 'registry seed'"
            : null;

    /// <summary>Whether a query failed because a read model's table or view does not exist.</summary>
    public static bool IsReadModelMissing(DbException e) =>
        e is SqliteException { SqliteErrorCode: 1 } sqlite && sqlite.Message.Contains("no such table", StringComparison.Ordinal)
        || e is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable };
}
