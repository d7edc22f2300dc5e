using System.Diagnostics;

namespace Registry.Host.Cli;

/// <summary>A one-line progress bar with rate and ETA on stderr, redrawn in place (or printed every few seconds when
/// stderr is not a terminal, so that logs stay readable).</summary>
public sealed class ProgressBar(string label)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private long _startDone = -1;
    private TimeSpan? _lastPrinted;

    public void Report(long done, long total)
    {
        if (_startDone < 0) _startDone = done;
        var elapsed = _clock.Elapsed;
        if (!_terminal && elapsed - _lastPrinted < TimeSpan.FromSeconds(5)) return;
        _lastPrinted = elapsed;
        var fraction = total <= 0 ? 1 : Math.Clamp((double)done / total, 0, 1);
        var width = 30;
        var filled = (int)Math.Round(fraction * width);
        var rate = elapsed.TotalSeconds > 0 ? (done - _startDone) / elapsed.TotalSeconds : 0;
        var eta = rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, total - done) / rate) : (TimeSpan?)null;
        var line = $"{label} [{new string('#', filled)}{new string('.', width - filled)}] {fraction,4:P0} {done}/{total} events, " +
                   $"{rate:F0} ev/s, ETA {(eta is { } e ? e.ToString(@"hh\:mm\:ss") : "--:--:--")}";
        Console.Error.Write(_terminal ? "\r" + line : line + Environment.NewLine);
    }

    public void Done(string message) => Console.Error.WriteLine((_terminal ? "\r" : "") + $"{label}: {message} in {_clock.Elapsed.TotalSeconds:F1} s".PadRight(100));
}
