using System.CommandLine;
using Registry.Host.Cli;

var root = new RootCommand("Ecosystem Registry: the event-sourced registry of Vietnam's innovative-startup ecosystem");
root.Options.Add(StoreOptions.Store);
root.Options.Add(StoreOptions.Connection);
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(QueryCommand.Create());
root.Subcommands.Add(Registry.Host.Cli.Bench.ReadModelBench.Create());
return await root.Parse(args).InvokeAsync();
