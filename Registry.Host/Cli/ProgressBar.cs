namespace Registry.Host.Cli;

/// <summary>A one-line progress bar redrawn in place (for standard error), only when the percentage grows.</summary>
public sealed class ProgressBar(TextWriter writer) : IProgress<(int Done, int Total)>
{
    private const int Width = 40;
    private readonly Lock _lock = new();
    private int _shown = -1;

    public void Report((int Done, int Total) value)
    {
        var percent = value.Total == 0 ? 100 : value.Done * 100 / value.Total;
        lock (_lock)
        {
            if (percent <= _shown && value.Done != value.Total) return; // reports from parallel rows arrive out of order
            _shown = percent;
            var filled = percent * Width / 100;
            writer.Write($"\r[{new string('#', filled)}{new string(' ', Width - filled)}] {percent,3}% {value.Done}/{value.Total} rows");
        }
    }
}
