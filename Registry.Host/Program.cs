using System.CommandLine;
using Registry.Host.Cli;
using Registry.Host.Cli.Bench;
using Registry.Host.Cli.Dev;

var root = new RootCommand("Ecosystem Registry: the event-sourced registry of Vietnam's innovative-startup ecosystem");
root.Options.Add(StoreOptions.Store);
root.Options.Add(StoreOptions.Connection);
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(DevCommand.Create());
return await root.Parse(args).InvokeAsync();
