using Registry.Contracts.Common;
using Registry.Contracts.Startups;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Startups.RegisterStartup;

namespace Registry.Write.Startups;

/// <summary>A startup or project enters the registry (đăng ký): once, in a province valid on the date.</summary>
public sealed class RegisterStartup : UseCase<Command>
{
    private static readonly RegisterStartup Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override bool StartsStream => true;

    public override string StreamOf(Command command) => StreamNames.Startup(command.StartupId);

    public override void Validate(Command c, FieldErrors errors)
    {
        errors.Require(c.FoundedOn is null || c.FoundedOn <= c.OccurredOn, "foundedOn", "a startup is founded before it is registered (foundedOn after occurredOn)");
        errors.Require(c.Sectors.Distinct().Count() == c.Sectors.Count, "sectors", "lists a sector twice");
    }

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts startup, Related related)
    {
        if (startup.First<StartupRegistered>() is { } registered)
            throw Rule.Broken($"startup '{c.StartupId}' is already registered ({registered.Name}, {registered.OccurredOn:yyyy-MM-dd})");
        yield return new StartupRegistered(c.StartupId, c.Name, c.ProvinceCode, c.Sectors, c.Stage, c.FoundedOn, c.Founders,
            c.Description, c.Website, c.OccurredOn, c.Source);
    }
}
