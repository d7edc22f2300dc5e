namespace Registry.Host.Cli.Bench;

/// <summary>Where a benchmark writes: the database given with --connection, or a scratch one it removes afterwards
/// (a fresh SQLite file on disk, or a durable PostgreSQL cluster of its own).</summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly DurablePostgres? _cluster;

    private ScratchDatabase(string connection, string? directory, DurablePostgres? cluster)
    {
        Connection = connection;
        _directory = directory;
        _cluster = cluster;
    }

    public string Connection { get; }

    public static async Task<ScratchDatabase> CreateAsync(string kind, string? given)
    {
        if (given is not null) return new ScratchDatabase(given, null, null);
        if (kind == Registry.EventStore.EventStoreLocation.Postgres)
        {
            var cluster = await DurablePostgres.StartAsync();
            return new ScratchDatabase(cluster.ConnectionString, null, cluster);
        }
        // On disk (not tmpfs), so commits pay for a real fsync.
        var directory = Path.Combine(Path.GetTempPath(), "registry-bench-" + Guid.NewGuid().ToString("N"));
        return new ScratchDatabase(Path.Combine(directory, "registry.db"), directory, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
