using Registry.Contracts.Common;
using Registry.Contracts.Plans;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Plans.AdoptProvincialPlan;

namespace Registry.Write.Plans;

/// <summary>A province adopts a support plan (Kế hoạch) with its targets: one plan number per province.</summary>
public sealed class AdoptProvincialPlan : UseCase<Command>
{
    private static readonly AdoptProvincialPlan Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override bool StartsStream => true;

    public override string StreamOf(Command command) => StreamNames.Plan(command.PlanId);

    /// <summary>"201/KH-UBND" and " 201/kh-ubnd" are one number.</summary>
    public override UniqueClaim? ClaimOf(Command c) => new($"plan-number/{c.ProvinceCode}/{c.Number.Trim().ToUpperInvariant()}",
        new PlanNumberClaimed(c.ProvinceCode, c.Number.Trim(), c.PlanId, c.OccurredOn, c.Source));

    public override string ClaimedByAnother(Command c, IRegistryEvent claim) => claim is PlanNumberClaimed held
        ? $"province {c.ProvinceCode} already has plan {held.Number} (plan '{held.PlanId}'): one plan number per province"
        : base.ClaimedByAnother(c, claim);

    public override void Validate(Command c, FieldErrors errors)
    {
        errors.Require(c.PeriodTo >= c.PeriodFrom, "periodTo", $"is before periodFrom ({c.PeriodFrom})");
        errors.Require(c.IssuedOn <= c.OccurredOn, "issuedOn", "is after occurredOn: a plan is adopted when it is issued, or later");
        for (var i = 0; i < c.Targets.Count; i++)
            PlanTargetRules.Check(c.Targets[i], c.PeriodFrom, c.PeriodTo, $"targets[{i}].", errors);
        errors.Require(c.Targets.Select(t => t.TargetId).Distinct().Count() == c.Targets.Count, "targets", "two targets have the same targetId");
    }

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts plan, Related related)
    {
        if (plan.First<ProvincialPlanAdopted>() is { } adopted)
            throw Rule.Broken($"plan '{c.PlanId}' is already adopted ({adopted.Number})");
        yield return new ProvincialPlanAdopted(c.PlanId, c.Number, c.Issuer, c.IssuedOn, c.ProvinceCode, c.PeriodFrom, c.PeriodTo, c.Title, c.Targets, c.OccurredOn, c.Source);
    }
}
