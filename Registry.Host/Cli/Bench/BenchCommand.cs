using System.CommandLine;

namespace Registry.Host.Cli.Bench;

/// <summary><c>registry bench …</c>: load generators that print one JSON line of measurements, with the raw limit
/// measured in the same run where there is one. Each benchmark is a subcommand; add yours with one line here.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks: each prints one JSON line of measurements (results go in BENCHMARKS.md)");
        bench.Subcommands.Add(BenchAppendCommand.Create());
        bench.Subcommands.Add(BenchCommandsCommand.Create());
        bench.Subcommands.Add(BenchVerifyCommand.Create());
        bench.Subcommands.Add(BenchFeedCommand.Create());
        return ReadModelBench.AddTo(bench);
    }
}
