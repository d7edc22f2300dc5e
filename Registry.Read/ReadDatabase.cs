using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Registry.EventStore;
using Registry.Projections.Runtime;

namespace Registry.Read;

/// <summary>The database the read models live in: the log's own SQLite file or PostgreSQL database. Queries read the stable views.</summary>
public sealed class ReadDatabase : IAsyncDisposable
{
    /// <summary>
    /// How much of a SQLite file queries map into memory (address space, not memory: the pages are the OS's cache).
    /// SQLite lowers it to its build's limit (2 GB by default) and reads the rest of a larger file as before.
    /// </summary>
    private const long MmapBytes = 16L << 30;

    private readonly string? _sqlite;
    private readonly NpgsqlDataSource? _postgres;

    static ReadDatabase() => Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

    private ReadDatabase(string? sqlite, NpgsqlDataSource? postgres)
    {
        _sqlite = sqlite;
        _postgres = postgres;
    }

    public static ReadDatabase For(EventStoreLocation location) => location.Kind == EventStoreLocation.Postgres
        ? new ReadDatabase(null, NpgsqlDataSource.Create(AutoPrepared(location.Connection)))
        : new ReadDatabase(new SqliteConnectionStringBuilder { DataSource = location.Connection, Pooling = true, DefaultTimeout = 30 }.ToString(), null);

    /// <summary>
    /// Planning a dashboard's statements cost PostgreSQL about as much as running them: let Npgsql prepare the ones a
    /// connection runs again (unless told otherwise). A generation switch re-plans them by name, as any view change does.
    /// </summary>
    private static string AutoPrepared(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    public SqlDialect Dialect => _postgres is null ? SqlDialect.Sqlite : SqlDialect.Postgres;

    /// <summary>A new, unopened connection (for the offline rebuilder).</summary>
    public DbConnection CreateConnection() => _postgres is null ? new SqliteConnection(_sqlite) : _postgres.CreateConnection();

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = CreateConnection();
        await connection.OpenAsync(ct);
        if (_sqlite is not null)
        {
            // Queries read pages all over a file much larger than SQLite's 2 MB page cache per connection: mapped, they are
            // read straight from the operating system's cache, shared by every connection, instead of copied per read.
            await using var mmap = connection.CreateCommand();
            mmap.CommandText = $"PRAGMA mmap_size = {MmapBytes}";
            await mmap.ExecuteNonQueryAsync(ct);
        }
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
