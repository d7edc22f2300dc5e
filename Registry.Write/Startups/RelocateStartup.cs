using Registry.Contracts.Common;
using Registry.Contracts.Startups;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Startups.RelocateStartup;

namespace Registry.Write.Startups;

/// <summary>An open startup moves to another province; it must be where the command says it moves from.</summary>
public sealed class RelocateStartup : UseCase<Command>
{
    private static readonly RelocateStartup Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override string StreamOf(Command command) => StreamNames.Startup(command.StartupId);

    public override IEnumerable<ProvinceRef> ProvincesOf(Command command, Facts startup) => StartupFacts.Provinces(startup);

    public override void Validate(Command c, FieldErrors errors) =>
        errors.Require(c.FromProvinceCode != c.ToProvinceCode, "toProvinceCode", "is the province it moves from");

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts startup, Related related)
    {
        StartupFacts.RequireOpen(startup, c.StartupId);
        var current = StartupFacts.CurrentProvince(startup)!;
        if (current.Code != c.FromProvinceCode)
            throw Rule.Broken($"startup '{c.StartupId}' is in province {current.Code}, not {c.FromProvinceCode}");
        yield return new StartupRelocated(c.StartupId, c.FromProvinceCode, c.ToProvinceCode, c.OccurredOn, c.Source);
    }
}
