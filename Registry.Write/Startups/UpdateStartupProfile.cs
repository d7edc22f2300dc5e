using Registry.Contracts.Common;
using Registry.Contracts.Startups;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Startups.UpdateStartupProfile;

namespace Registry.Write.Startups;

/// <summary>A registered, open startup's profile changes: the fields given replace the old ones.</summary>
public sealed class UpdateStartupProfile : UseCase<Command>
{
    private static readonly UpdateStartupProfile Instance = new();

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
        errors.Require(c.Name is not null || c.Sectors is not null || c.Stage is not null || c.Founders is not null || c.Description is not null || c.Website is not null,
            "", "gives no field to update (name, sectors, stage, founders, description or website)");

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts startup, Related related)
    {
        StartupFacts.RequireOpen(startup, c.StartupId);
        yield return new StartupProfileUpdated(c.StartupId, c.Name, c.Sectors, c.Stage, c.Founders, c.Description, c.Website, c.OccurredOn, c.Source);
    }
}
