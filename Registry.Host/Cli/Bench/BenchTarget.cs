using System.CommandLine;
using System.Diagnostics;
using Registry.EventStore;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// Where a benchmark runs: a fresh SQLite file in a temporary folder, or the given PostgreSQL database, or — with
/// <c>--store postgres</c> and no connection — a durable throwaway cluster started with <c>ops/postgres start --durable</c>
/// and stopped afterwards.
/// </summary>
public sealed class BenchTarget : IAsyncDisposable
{
    private readonly string? _temporaryFolder;
    private readonly string? _clusterFolder;

    private BenchTarget(EventStoreLocation location, string? temporaryFolder, string? clusterFolder)
    {
        Location = location;
        _temporaryFolder = temporaryFolder;
        _clusterFolder = clusterFolder;
    }

    public EventStoreLocation Location { get; }

    public static async Task<BenchTarget> CreateAsync(ParseResult result, CancellationToken ct)
    {
        var kind = result.GetValue(StoreOptions.Store);
        var connection = result.GetValue(StoreOptions.Connection);
        if (kind == EventStoreLocation.Postgres)
        {
            if (!string.IsNullOrWhiteSpace(connection)) return new BenchTarget(EventStoreLocation.Parse(kind, connection), null, null);
            var (cs, folder) = await StartCluster(ct);
            return new BenchTarget(EventStoreLocation.Parse(kind, cs), null, folder);
        }
        var temporary = Path.Combine(Path.GetTempPath(), "registry-bench-" + Guid.NewGuid().ToString("N")[..8]);
        return new BenchTarget(EventStoreLocation.Parse(EventStoreLocation.Sqlite, Path.Combine(temporary, "registry.db")), temporary, null);
    }

    private static async Task<(string ConnectionString, string Folder)> StartCluster(CancellationToken ct)
    {
        var (output, error) = await RunOps(ct, "start", "--durable");
        var folder = error.Split("started in ", 2).ElementAtOrDefault(1)?.Split(' ')[0]
                     ?? throw new InvalidOperationException("ops/postgres did not report its folder: " + error);
        return (output.Trim().Split('\n').Last().Trim() + ";Maximum Pool Size=64", folder);
    }

    private static async Task<(string, string)> RunOps(CancellationToken ct, params string[] args)
    {
        var script = Path.Combine(FindRepository(), "ops", "postgres");
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0) throw new InvalidOperationException($"ops/postgres {string.Join(' ', args)} failed: {await error}");
        return (await output, await error);
    }

    private static string FindRepository()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ops", "postgres"))) return dir.FullName;
        throw new InvalidOperationException("ops/postgres not found: run the benchmark from the repository, or give --connection");
    }

    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_clusterFolder is not null) await RunOps(CancellationToken.None, "stop", _clusterFolder);
        if (_temporaryFolder is not null && Directory.Exists(_temporaryFolder)) Directory.Delete(_temporaryFolder, recursive: true);
    }
}
