using System.Diagnostics;
using System.Text.Json;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Grpc;

/// <summary>
/// The official EventStoreDB Node client, <c>@eventstore/db-client</c>, installed from npm once into
/// <c>.build/node-clients/</c> (kept between runs) and driven by <c>node/esdb-client.js</c>: a client nobody here wrote.
/// </summary>
public sealed class NodeEsdbClient(string connectionString)
{
    public const string Package = "@eventstore/db-client@6.2.1";

    private static readonly Lazy<string> Modules = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);
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
        psi.Environment["NODE_PATH"] = Modules.Value;
        psi.Environment["ESDB_CONNECTION"] = connectionString;
        return new NodeRun(Process.Start(psi)!);
    }

    private static string Install()
    {
        var folder = Path.Combine(RepositoryRoot.Path, ".build", "node-clients", Package.Replace('/', '_').Replace('@', '_'));
        var modules = Path.Combine(folder, "node_modules");
        var marker = Path.Combine(folder, ".installed");
        if (File.Exists(marker)) return modules;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "package.json"), """{ "name": "registry-grpc-test-client", "private": true }""");
        var psi = new ProcessStartInfo("npm", ["install", "--no-audit", "--no-fund", "--silent", Package])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var npm = Process.Start(psi)!;
        var error = npm.StandardError.ReadToEndAsync();
        npm.StandardOutput.ReadToEnd();
        npm.WaitForExit();
        if (npm.ExitCode != 0) throw new InvalidOperationException($"npm install {Package} failed: {error.Result}");
        File.WriteAllText(marker, Package);
        return modules;
    }
}
