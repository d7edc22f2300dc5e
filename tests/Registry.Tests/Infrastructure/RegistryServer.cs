using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
namespace Registry.Tests.Infrastructure;

/// <summary>
/// A real <c>registry serve</c> process (the Registry.Host build of the tests' configuration) on free loopback ports,
/// over a SQLite file the test may also open: SQLite's WAL lets the test append while the server runs.
/// </summary>
public sealed class RegistryServer : IAsyncDisposable
{
    private readonly string[] _extraArguments;
    private Process? _process;
    private readonly StringBuilder _output = new();

    private RegistryServer(string databasePath, string[] extraArguments)
    {
        DatabasePath = databasePath;
        _extraArguments = extraArguments;
        HttpPort = FreePort();
        GrpcPort = FreePort();
    }

    public string DatabasePath { get; }
    public int HttpPort { get; }
    public int GrpcPort { get; }
    public string GrpcLine { get; private set; } = "";

    public Uri HttpUrl => new($"http://127.0.0.1:{HttpPort}");

    public string PlaintextConnection => $"esdb://127.0.0.1:{GrpcPort}?tls=false";

    public static async Task<RegistryServer> StartAsync(string databasePath, params string[] extraArguments)
    {
        var server = new RegistryServer(databasePath, extraArguments);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the process and waits until it prints its gRPC endpoint (it is listening by then).</summary>
    public async Task StartAsync()
    {
        var psi = new ProcessStartInfo(RegistryExecutable.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["serve", "--store", "sqlite", "--connection", DatabasePath,
                     "--urls", $"http://127.0.0.1:{HttpPort}", "--grpc-urls", $"127.0.0.1:{GrpcPort}", .. _extraArguments])
            psi.ArgumentList.Add(a);
        _process = Process.Start(psi)!;
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (_output) _output.AppendLine(line);
            if (!line.StartsWith("gRPC", StringComparison.Ordinal)) continue;
            GrpcLine = line;
            _ = DrainAsync(_process);
            return;
        }
        throw new InvalidOperationException("registry serve ended before it listened: " + Output);
    }

    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task DrainAsync(Process process)
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line) lock (_output) _output.AppendLine(line);
    }


    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
