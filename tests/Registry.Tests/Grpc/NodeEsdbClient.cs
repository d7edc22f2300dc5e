using System.Diagnostics;
using System.Text.Json;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Grpc;

/// <summary>
/// An official Node client, the EventStoreDB one (<c>@eventstore/db-client</c>) or its successor KurrentDB's
/// (<c>@kurrent/kurrentdb-client</c>, same API), installed from npm once into <c>.build/node-clients/</c> (kept between
/// runs) and driven by <c>node/esdb-client.js</c>: a client nobody here wrote.
/// </summary>
public sealed class NodeEsdbClient(string package, string connectionString)
{
    public const string EventStoreDb = "@eventstore/db-client@6.2.1";

    /// <summary>Its reads go through a native (Rust) client of its own, so it is a second, independent check.</summary>
    public const string KurrentDb = "@kurrent/kurrentdb-client@1.3.1";

    /// <summary>The packages every spec of the official clients runs with.</summary>
    public static readonly string[] Packages = [EventStoreDb, KurrentDb];

    private static readonly Dictionary<string, Lazy<string>> Modules = Packages.ToDictionary(p => p,
        p => new Lazy<string>(() => Install(p), LazyThreadSafetyMode.ExecutionAndPublication));
    private static readonly string Script = Path.Combine(RepositoryRoot.Path, "tests", "Registry.Tests", "Grpc", "node", "esdb-client.js");

    /// <summary>Runs one command to its end and returns what it printed, the final done/error line included.</summary>
    public async Task<IReadOnlyList<JsonElement>> RunAsync(string command, object arguments)
    {
        await using var run = Start(command, arguments);
        var lines = new List<JsonElement>();
        await foreach (var line in run.LinesAsync()) lines.Add(line);
        return lines;
    }

    /// <summary>Starts a command whose lines the test reads as they come (subscriptions).</summary>
    public NodeRun Start(string command, object arguments)
    {
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Script);
        psi.ArgumentList.Add(command);
        psi.ArgumentList.Add(JsonSerializer.Serialize(arguments));
        psi.Environment["NODE_PATH"] = Modules[package].Value;
        psi.Environment["ESDB_PACKAGE"] = package[..package.LastIndexOf('@')];
        // KurrentDB's client still takes esdb:// but warns it is deprecated: its partners write kurrentdb://.
        psi.Environment["ESDB_CONNECTION"] = package == KurrentDb && connectionString.StartsWith("esdb://", StringComparison.Ordinal)
            ? "kurrentdb://" + connectionString["esdb://".Length..] : connectionString;
        return new NodeRun(Process.Start(psi)!);
    }

    private static string Install(string package)
    {
        var folder = Path.Combine(RepositoryRoot.Path, ".build", "node-clients", package.Replace('/', '_').Replace('@', '_'));
        var modules = Path.Combine(folder, "node_modules");
        var marker = Path.Combine(folder, ".installed");
        if (File.Exists(marker)) return modules;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "package.json"), """{ "name": "registry-grpc-test-client", "private": true }""");
        var psi = new ProcessStartInfo("npm", ["install", "--no-audit", "--no-fund", "--silent", package])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var npm = Process.Start(psi)!;
        var error = npm.StandardError.ReadToEndAsync();
        npm.StandardOutput.ReadToEnd();
        npm.WaitForExit();
        if (npm.ExitCode != 0) throw new InvalidOperationException($"npm install {package} failed: {error.Result}");
        File.WriteAllText(marker, package);
        return modules;
    }
}
