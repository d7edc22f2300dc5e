using Registry.Contracts.Common;
using Registry.Contracts.Plans;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Plans.RevisePlanTarget;

namespace Registry.Write.Plans;

/// <summary>A later decision revises one target of a plan in force (not superseded); the original stays in history.</summary>
public sealed class RevisePlanTarget : UseCase<Command>
{
    private static readonly RevisePlanTarget Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override string StreamOf(Command command) => StreamNames.Plan(command.PlanId);

    public override IEnumerable<ProvinceRef> ProvincesOf(Command command, Facts plan) => PlanFacts.Provinces(plan);

    public override void Validate(Command c, FieldErrors errors) => errors.Require(c.Min <= c.Max, "max", $"is less than min ({c.Min})");

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts plan, Related related)
    {
        var adopted = PlanFacts.RequireInForce(plan, c.PlanId);
        if (adopted.Targets.All(t => t.TargetId != c.TargetId))
            throw Rule.Broken($"plan {adopted.Number} has no target '{c.TargetId}' (targets: {string.Join(", ", adopted.Targets.Select(t => t.TargetId))})");
        if (c.DueOn.Year < adopted.PeriodFrom) throw Rule.Broken($"a target of plan {adopted.Number} ({adopted.PeriodFrom}–{adopted.PeriodTo}) cannot be due before its period");
        yield return new PlanTargetRevised(c.PlanId, c.TargetId, c.Min, c.Max, c.DueOn, c.Reason, c.OccurredOn, c.Source);
    }
}
