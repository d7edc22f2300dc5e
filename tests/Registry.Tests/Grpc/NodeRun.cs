using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Registry.Tests.Grpc;

/// <summary>A running <c>esdb-client.js</c>: its JSON lines as they are printed; killed on dispose if still running.</summary>
public sealed class NodeRun : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly List<JsonElement> _seen = [];

    public NodeRun(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.BeginErrorReadLine();
    }

    /// <summary>Every line printed so far, whether or not it was read through <see cref="LinesAsync"/>.</summary>
    public IReadOnlyList<JsonElement> Seen => _seen;

    /// <summary>The script has ended: for a subscription, that the server ended it.</summary>
    public bool HasExited => _process.HasExited;

    public async IAsyncEnumerable<JsonElement> LinesAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        while (await _process.StandardOutput.ReadLineAsync(ct) is { } text)
        {
            JsonElement line;
            try { line = JsonDocument.Parse(text).RootElement.Clone(); }
            catch (JsonException) { throw new InvalidOperationException($"esdb-client.js printed '{text}'; stderr: {Stderr}"); }
            _seen.Add(line);
            yield return line;
        }
    }

    /// <summary>
    /// Reads lines until one of <paramref name="kind"/>. The end of the output fails the test with what was printed, and
    /// so does a line that never comes (a guard against hanging the run, generous enough never to be a timing claim).
    /// </summary>
    public async Task<JsonElement> NextAsync(string kind)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await foreach (var line in LinesAsync(guard.Token))
                if (line.GetProperty("kind").GetString() == kind) return line;
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested)
        {
            throw new AssertionException($"no '{kind}' line from esdb-client.js; printed {string.Join(" ", _seen)}; stderr: {Stderr}");
        }
        throw new AssertionException($"esdb-client.js ended before a '{kind}' line; printed {string.Join(" ", _seen)}; stderr: {Stderr}");
    }

    private string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
