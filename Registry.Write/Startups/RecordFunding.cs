using Registry.Contracts.Common;
using Registry.Contracts.Startups;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Startups.RecordFunding;

namespace Registry.Write.Startups;

/// <summary>An open startup raises money: a positive amount in VND, from an investor the registry knows when an id is given.</summary>
public sealed class RecordFunding : UseCase<Command>
{
    private static readonly RecordFunding Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override string StreamOf(Command command) => StreamNames.Startup(command.StartupId);

    public override IEnumerable<ProvinceRef> ProvincesOf(Command command, Facts startup) => StartupFacts.Provinces(startup);

    public override IEnumerable<string> RelatedStreams(Command command) => command.InvestorId is { } investor ? [StreamNames.Investor(investor)] : [];

    public override void Validate(Command c, FieldErrors errors) => errors.Require(c.AmountVnd > 0, "amountVnd", "must be more than 0");

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts startup, Related related)
    {
        StartupFacts.RequireOpen(startup, c.StartupId);
        if (startup.All<FundingRecorded>().Any(f => f.FundingId == c.FundingId))
            throw Rule.Broken($"funding '{c.FundingId}' is already recorded for startup '{c.StartupId}'");
        if (c.InvestorId is { } investor && !related[StreamNames.Investor(investor)].Has<Registry.Contracts.Organizations.InvestorRegistered>())
            throw Rule.Broken($"investor '{investor}' is not registered");
        yield return new FundingRecorded(c.StartupId, c.FundingId, c.InvestorId, c.InvestorName, c.AmountVnd, c.Round, c.OccurredOn, c.Source);
    }
}
