using Registry.Contracts.Common;
using Registry.Contracts.Startups;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Startups.GrantSupport;

namespace Registry.Write.Startups;

/// <summary>A programme supports an open startup (training, incubation, funding…); each support has its own id.</summary>
public sealed class GrantSupport : UseCase<Command>
{
    private static readonly GrantSupport Instance = new();

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
        StartupFacts.RequireOpen(startup, c.StartupId);
        if (startup.All<SupportGranted>().Any(s => s.SupportId == c.SupportId))
            throw Rule.Broken($"support '{c.SupportId}' is already recorded for startup '{c.StartupId}'");
        yield return new SupportGranted(c.StartupId, c.SupportId, c.Programme, c.Kind, c.AmountVnd, c.GrantedBy, c.OccurredOn, c.Source);
    }
}
