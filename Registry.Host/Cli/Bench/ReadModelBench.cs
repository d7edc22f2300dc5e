using System.CommandLine;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// The read-model benchmarks, <c>bench rebuild</c> and <c>bench query</c>. <see cref="AddTo"/> hangs them under an
/// existing <c>bench</c> command; <see cref="Create"/> makes a <c>bench</c> command of its own until there is one.
/// </summary>
public static class ReadModelBench
{
    public static Command AddTo(Command bench)
    {
        bench.Subcommands.Add(BenchRebuildCommand.Create());
        bench.Subcommands.Add(BenchQueryCommand.Create());
        return bench;
    }

}
