using System.Diagnostics;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// A throwaway PostgreSQL cluster on disk with default (durable) settings, started through <c>ops/postgres start
/// --durable</c> and removed on dispose. Benchmarks need it: the test cluster runs with fsync off.
/// </summary>
public sealed class DurablePostgres : IAsyncDisposable
{
    private readonly string _script;
    private readonly string _directory;

    private DurablePostgres(string script, string directory, string connectionString)
    {
        _script = script;
        _directory = directory;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<DurablePostgres> StartAsync()
    {
        var script = FindScript();
        var (output, error) = await RunAsync(script, "start", "--durable");
        var directory = error.Split("started in ", 2).ElementAtOrDefault(1)?.Split(' ')[0]
            ?? throw new InvalidOperationException("ops/postgres did not report its folder: " + error);
        return new DurablePostgres(script, directory, output.Trim().Split('\n')[^1].Trim());
    }

    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await RunAsync(_script, "stop", _directory);
    }

    /// <summary>ops/postgres above the working directory or above the executable (ops/registry runs from the repository).</summary>
    private static string FindScript()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "ops", "postgres");
                if (File.Exists(candidate)) return candidate;
            }
        throw new InvalidOperationException("ops/postgres not found: run from the repository, or pass --connection");
    }

    private static async Task<(string Output, string Error)> RunAsync(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ops/postgres {string.Join(' ', args)} failed: {await error}");
        return (await output, await error);
    }
}
