using System.CommandLine;
using Registry.EventStore;
using Registry.Host.Cli.Bench;

namespace Registry.Host.Cli.Dev;

/// <summary>
/// <c>registry dev append-loop</c>: appends large batches forever, each to a new stream <c>{prefix}-{n}</c>, and
/// prints one line per acknowledged append. The crash test kills it with SIGKILL mid-append and checks the log.
/// </summary>
public static class AppendLoopCommand
{
    private static readonly Option<string> StreamPrefix = new("--stream-prefix")
    {
        Description = "Category of the streams to write ({prefix}-0, {prefix}-1, …)",
        DefaultValueFactory = _ => "loop",
    };

    private static readonly Option<int> Batch = new("--batch")
    {
        Description = "Events per append",
        DefaultValueFactory = _ => 5000,
    };

    public static Command Create()
    {
        var command = new Command("append-loop", "Append batches to new streams until killed, printing each acknowledged append");
        command.Options.Add(StreamPrefix);
        command.Options.Add(Batch);
        command.SetAction(async (ParseResult result, CancellationToken ct) =>
        {
            var prefix = result.GetValue(StreamPrefix)!;
            var batch = result.GetValue(Batch);
            await using var store = await StoreOptions.Location(result).OpenAsync(ct: ct);
            for (var n = 0L; !ct.IsCancellationRequested; n++)
            {
                var stream = $"{prefix}-{n}";
                var appended = await store.AppendAsync(stream, ExpectedRevision.NoStream, BenchPayload.Batch(n * batch, batch), ct);
                Console.Out.WriteLine($"committed {stream} {appended.FirstPosition} {appended.LastPosition}");
                Console.Out.Flush();
            }
            return 0;
        });
        return command;
    }
}
