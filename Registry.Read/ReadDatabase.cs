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
        ? new ReadDatabase(null, NpgsqlDataSource.Create(location.Connection))
        : new ReadDatabase(new SqliteConnectionStringBuilder { DataSource = location.Connection, Pooling = true, DefaultTimeout = 30 }.ToString(), null);

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
