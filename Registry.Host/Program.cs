using System.CommandLine;
using Registry.Host.Cli;
using Registry.Host.Cli.Bench;

var root = new RootCommand("Ecosystem Registry: the event-sourced registry of Vietnam's innovative-startup ecosystem");
root.Options.Add(StoreOptions.Store);
root.Options.Add(StoreOptions.Connection);
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(SendCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
// The `bench` parent until the benchmark branch's BenchCommand is merged (then its subcommand list takes this one).
var bench = new Command("bench", "Benchmarks");
bench.Subcommands.Add(BenchCommandsCommand.Create());
root.Subcommands.Add(bench);
return await root.Parse(args).InvokeAsync();
