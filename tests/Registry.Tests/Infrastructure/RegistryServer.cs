using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Registry.Tests.Infrastructure;

/// <summary>A real <c>registry serve</c> process on a free loopback port (the Release binary ops/test publishes).</summary>
public sealed class RegistryServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private RegistryServer(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public string Output { get { lock (_output) return string.Join('\n', _output); } }

    public static string Executable
    {
        get
        {
            var published = Path.Combine(RepositoryRoot.Path, ".build", "registry", "registry");
            if (File.Exists(published)) return published;
            throw new FileNotFoundException("Publish the registry first (ops/test does): dotnet publish Registry.Host -c Release -o .build/registry", published);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>registry serve</c> with <paramref name="args"/> (store options etc.) and waits until it listens.</summary>
    public static async Task<RegistryServer> StartAsync(params string[] args)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var psi = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        psi.ArgumentList.Add("serve");
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(url.ToString().TrimEnd('/'));
        foreach (var a in args) psi.ArgumentList.Add(a);
        var process = Process.Start(psi)!;
        var server = new RegistryServer(process, url);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => server.Record(e.Data, listening);
        process.ErrorDataReceived += (_, e) => server.Record(e.Data, null);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != listening.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException("registry serve did not start:\n" + server.Output);
        }
        return server;
    }

    private void Record(string? line, TaskCompletionSource? listening)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
        if (line.Contains("listening on", StringComparison.OrdinalIgnoreCase)) listening?.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
