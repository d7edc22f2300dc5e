using System.CommandLine;
using Registry.Host.Cli;
using Registry.Host.Cli.Bench;
using Registry.Host.Cli.Integrity;

var root = new RootCommand("Ecosystem Registry: the event-sourced registry of Vietnam's innovative-startup ecosystem");
root.Options.Add(StoreOptions.Store);
root.Options.Add(StoreOptions.Connection);
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(VerifyCommand.Create());
root.Subcommands.Add(CheckpointCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ProjectionsCommand.Create());
root.Subcommands.Add(SendCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
root.Subcommands.Add(QueryCommand.Create());
return await root.Parse(args).InvokeAsync();
