using System.Diagnostics;
using System.Text;
using Registry.EventStore;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Projections.Runtime;

/// <summary>The <c>registry</c> executable run as a real process against a test log.</summary>
public sealed class RegistryProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RegistryProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static RegistryProcess Start(EventStoreLocation location, params string[] args)
    {
        var psi = new ProcessStartInfo(RegistryExecutable.Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        if (args.FirstOrDefault() == "serve")
        {
            // Every server opens a gRPC endpoint too: a free port each, or two processes of one test collide on 2113.
            psi.ArgumentList.Add("--grpc-urls");
            psi.ArgumentList.Add($"127.0.0.1:{FreePort()}");
        }
        psi.ArgumentList.Add("--store");
        psi.ArgumentList.Add(location.Kind);
        psi.ArgumentList.Add("--connection");
        psi.ArgumentList.Add(location.Connection);
        return new RegistryProcess(Process.Start(psi)!);
    }

    /// <summary>A projections-only server running the two built-in diagnostic projections.</summary>
    public static RegistryProcess StartProjectionWorker(EventStoreLocation location) =>
        Start(location, "serve", "--role", "projections", "--urls", "http://127.0.0.1:0", "--projections", "event_counts,stream_heads");

    /// <summary>SIGKILL: no shutdown code runs, connections and leases are simply abandoned.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: an orderly shutdown that releases the process's leases.</summary>
    public async Task StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", Id.ToString()])) await kill.WaitForExitAsync();
        await WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"registry {string.Join(' ', _process.StartInfo.ArgumentList)} did not exit within 120 s; its output:\n{Output}");
        }
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
