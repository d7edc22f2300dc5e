using System.CommandLine;

namespace Registry.Host.Cli.Bench;

/// <summary><c>registry bench …</c>: load generators that print one JSON line of measurements. Each benchmark is a
/// subcommand; add yours with one line in <see cref="Create"/>.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks: each prints one JSON line of measurements");
        bench.Subcommands.Add(BenchAppendCommand.Create());
        return bench;
    }
}
