using Registry.Contracts.Common;
using Registry.Contracts.Organizations;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Organizations.RegisterSupportOrganization;

namespace Registry.Write.Organizations;

/// <summary>An organization of the ecosystem (incubator, co-working space, centre, fund, university…) enters the registry once.</summary>
public sealed class RegisterSupportOrganization : UseCase<Command>
{
    private static readonly RegisterSupportOrganization Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override bool StartsStream => true;

    public override string StreamOf(Command command) => StreamNames.Organization(command.OrganizationId);

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts organization, Related related)
    {
        if (organization.First<SupportOrganizationRegistered>() is { } registered)
            throw Rule.Broken($"organization '{c.OrganizationId}' is already registered ({registered.Name})");
        yield return new SupportOrganizationRegistered(c.OrganizationId, c.Name, c.Kind, c.ProvinceCode, c.Website, c.OccurredOn, c.Source);
    }
}
