using Registry.Contracts.Common;
using Registry.Contracts.Startups;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Startups.CloseStartup;

namespace Registry.Write.Startups;

/// <summary>A startup stops (giải thể, ngừng hoạt động): once, after it was registered.</summary>
public sealed class CloseStartup : UseCase<Command>
{
    private static readonly CloseStartup Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override string StreamOf(Command command) => StreamNames.Startup(command.StartupId);

    public override IEnumerable<ProvinceRef> ProvincesOf(Command command, Facts startup) => StartupFacts.Provinces(startup);

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts startup, Related related)
    {
        var registered = StartupFacts.RequireOpen(startup, c.StartupId);
        if (c.OccurredOn < registered.OccurredOn)
            throw Rule.Broken($"startup '{c.StartupId}' cannot close ({c.OccurredOn:yyyy-MM-dd}) before it was registered ({registered.OccurredOn:yyyy-MM-dd})");
        yield return new StartupClosed(c.StartupId, c.Reason, c.OccurredOn, c.Source);
    }
}
