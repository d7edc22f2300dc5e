using Registry.Contracts.Common;
using Registry.Contracts.Organizations;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Organizations.CloseOrganization;

namespace Registry.Write.Organizations;

/// <summary>An organization stops: once, after it was registered.</summary>
public sealed class CloseOrganization : UseCase<Command>
{
    private static readonly CloseOrganization Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override string StreamOf(Command command) => StreamNames.Organization(command.OrganizationId);

    public override IEnumerable<ProvinceRef> ProvincesOf(Command command, Facts organization) => OrganizationFacts.Provinces(organization);

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts organization, Related related)
    {
        var registered = OrganizationFacts.RequireOpen(organization, c.OrganizationId);
        if (c.OccurredOn < registered.OccurredOn)
            throw Rule.Broken($"organization '{c.OrganizationId}' cannot close ({c.OccurredOn:yyyy-MM-dd}) before it was registered ({registered.OccurredOn:yyyy-MM-dd})");
        yield return new OrganizationClosed(c.OrganizationId, c.Reason, c.OccurredOn, c.Source);
    }
}
