using Registry.Contracts.Common;
using Registry.Contracts.Organizations;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Organizations.RenameOrganization;

namespace Registry.Write.Organizations;

/// <summary>An open organization takes a new name; the old name must be its current one (agencies are renamed over time).</summary>
public sealed class RenameOrganization : UseCase<Command>
{
    private static readonly RenameOrganization Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override string StreamOf(Command command) => StreamNames.Organization(command.OrganizationId);

    public override IEnumerable<ProvinceRef> ProvincesOf(Command command, Facts organization) => OrganizationFacts.Provinces(organization);

    public override void Validate(Command c, FieldErrors errors) => errors.Require(c.NewName.Trim() != c.OldName.Trim(), "newName", "is the old name");

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts organization, Related related)
    {
        var registered = OrganizationFacts.RequireOpen(organization, c.OrganizationId);
        var current = organization.Last<OrganizationRenamed>()?.NewName ?? registered.Name;
        if (current.Trim() != c.OldName.Trim())
            throw Rule.Broken($"organization '{c.OrganizationId}' is named '{current}', not '{c.OldName}'");
        yield return new OrganizationRenamed(c.OrganizationId, c.OldName, c.NewName, c.OccurredOn, c.Source);
    }
}
