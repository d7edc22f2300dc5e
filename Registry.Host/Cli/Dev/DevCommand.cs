using System.CommandLine;

namespace Registry.Host.Cli.Dev;

/// <summary><c>registry dev …</c>: hidden helpers for tests (e.g. a writer process to kill), not for operators.</summary>
public static class DevCommand
{
    public static Command Create()
    {
        var dev = new Command("dev", "Helpers for the registry's own tests") { Hidden = true };
        dev.Subcommands.Add(AppendLoopCommand.Create());
        return dev;
    }
}
