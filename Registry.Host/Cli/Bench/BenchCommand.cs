using System.CommandLine;

namespace Registry.Host.Cli.Bench;

/// <summary><c>registry bench …</c>: benchmarks that print one JSON line each, with the raw limit measured in the same run.</summary>
public static class BenchCommand
{
    public static Command Create() => new("bench", "Benchmarks (results go in BENCHMARKS.md)")
    {
        BenchVerifyCommand.Create(),
        BenchCommandsCommand.Create(),
        BenchFeedCommand.Create(),
    };
}
