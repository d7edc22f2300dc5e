using Registry.Contracts.Common;
using Registry.Contracts.Organizations;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Organizations.RegisterInvestor;

namespace Registry.Write.Organizations;

/// <summary>An investor enters the registry once; an angel investor is a person, named in personName.</summary>
public sealed class RegisterInvestor : UseCase<Command>
{
    private static readonly RegisterInvestor Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override bool StartsStream => true;

    public override string StreamOf(Command command) => StreamNames.Investor(command.InvestorId);

    public override void Validate(Command c, FieldErrors errors) =>
        errors.Require(c.Kind != InvestorKind.Angel || c.PersonName is not null, "personName", "is required for an angel investor (a person)");

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts investor, Related related)
    {
        if (investor.First<InvestorRegistered>() is { } registered)
            throw Rule.Broken($"investor '{c.InvestorId}' is already registered ({registered.Name})");
        yield return new InvestorRegistered(c.InvestorId, c.Name, c.Kind, c.ProvinceCode, c.PersonName, c.Email, c.Phone, c.OccurredOn, c.Source);
    }
}
