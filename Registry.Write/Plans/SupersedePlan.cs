using Registry.Contracts.Common;
using Registry.Contracts.Plans;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Plans.SupersedePlan;

namespace Registry.Write.Plans;

/// <summary>A plan in force is replaced by another adopted plan of the same province, named by its id and number.</summary>
public sealed class SupersedePlan : UseCase<Command>
{
    private static readonly SupersedePlan Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override string StreamOf(Command command) => StreamNames.Plan(command.PlanId);

    public override IEnumerable<ProvinceRef> ProvincesOf(Command command, Facts plan) => PlanFacts.Provinces(plan);

    public override IEnumerable<string> RelatedStreams(Command command) => [StreamNames.Plan(command.SupersededByPlanId)];

    public override void Validate(Command c, FieldErrors errors) => errors.Require(c.SupersededByPlanId != c.PlanId, "supersededByPlanId", "is the plan itself");

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts plan, Related related)
    {
        var adopted = PlanFacts.RequireInForce(plan, c.PlanId);
        var successor = related[StreamNames.Plan(c.SupersededByPlanId)].First<ProvincialPlanAdopted>()
                        ?? throw Rule.Broken($"plan '{c.SupersededByPlanId}' is not adopted: adopt it first");
        if (!string.Equals(successor.Number.Trim(), c.SupersededByNumber.Trim(), StringComparison.OrdinalIgnoreCase))
            throw Rule.Broken($"plan '{c.SupersededByPlanId}' is {successor.Number}, not {c.SupersededByNumber}");
        if (successor.ProvinceCode != adopted.ProvinceCode)
            throw Rule.Broken($"plan {successor.Number} is of province {successor.ProvinceCode}, plan {adopted.Number} of {adopted.ProvinceCode}");
        yield return new PlanSuperseded(c.PlanId, c.SupersededByPlanId, c.SupersededByNumber, c.OccurredOn, c.Source);
    }
}
