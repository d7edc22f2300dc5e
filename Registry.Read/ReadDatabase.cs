using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Registry.EventStore;
using Registry.Projections.Runtime;

namespace Registry.Read;

/// <summary>The database the read models live in: the log's own SQLite file or PostgreSQL database. Queries read the stable views.</summary>
public sealed class ReadDatabase : IAsyncDisposable
{
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
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
