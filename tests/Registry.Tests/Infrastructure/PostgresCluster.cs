using System.Diagnostics;
using Npgsql;

namespace Registry.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: REGISTRY_TEST_PG when set, otherwise a throwaway cluster started once (on
/// first use) through <c>ops/postgres</c> and stopped when the run ends. Each test store gets a database of its own.
/// </summary>
public static class PostgresCluster
{
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string? _startedDirectory;
    private static int _databases;

    public static string ConnectionString => Server.Value;

    /// <summary>A fresh, empty database on the test server.</summary>
    public static string CreateDatabase()
    {
        var name = $"t{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, Pooling = true, MaxPoolSize = 50 }.ToString();
    }

    private static string Start()
    {
        var given = Environment.GetEnvironmentVariable("REGISTRY_TEST_PG");
        if (!string.IsNullOrWhiteSpace(given)) return given;
        var (output, error) = Run("start");
        var connection = output.Trim().Split('\n').Last().Trim();
        _startedDirectory = error.Split("started in ", 2).ElementAtOrDefault(1)?.Split(' ')[0];
        if (_startedDirectory is null) throw new InvalidOperationException("ops/postgres did not report its folder: " + error);
        return connection;
    }

    public static void StopIfStarted()
    {
        if (_startedDirectory is null) return;
        NpgsqlConnection.ClearAllPools();
        Run("stop", _startedDirectory);
        _startedDirectory = null;
    }

    private static (string Output, string Error) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(System.IO.Path.Combine(RepositoryRoot.Path, "ops", "postgres"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ops/postgres {string.Join(' ', args)} failed: {error.Result}");
        return (output.Result, error.Result);
    }
}
