using Registry.Contracts.Common;
using Registry.Contracts.Organizations;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Organizations.RegisterMentor;

namespace Registry.Write.Organizations;

/// <summary>A mentor or expert (cố vấn / chuyên gia) enters the registry once, with an organization the registry knows if any.</summary>
public sealed class RegisterMentor : UseCase<Command>
{
    private static readonly RegisterMentor Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override bool StartsStream => true;

    public override string StreamOf(Command command) => StreamNames.Mentor(command.MentorId);

    public override IEnumerable<string> RelatedStreams(Command command) =>
        command.OrganizationId is { } organization ? [StreamNames.Organization(organization)] : [];

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts mentor, Related related)
    {
        if (mentor.Has<MentorRegistered>()) throw Rule.Broken($"mentor '{c.MentorId}' is already registered");
        if (c.OrganizationId is { } organization && !related[StreamNames.Organization(organization)].Has<SupportOrganizationRegistered>())
            throw Rule.Broken($"organization '{organization}' is not registered");
        yield return new MentorRegistered(c.MentorId, c.Name, c.Expertise, c.ProvinceCode, c.OrganizationId, c.Email, c.Phone, c.OccurredOn, c.Source);
    }
}
