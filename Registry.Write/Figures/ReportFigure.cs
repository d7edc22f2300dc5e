using Registry.Contracts.Common;
using Registry.Contracts.Figures;
using Registry.Contracts.Plans;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Figures.ReportFigure;

namespace Registry.Write.Figures;

/// <summary>A figure as a source states it ("238 valid applications 2019–2023"), for a metric the registry computes, kept beside the itemized facts.</summary>
public sealed class ReportFigure : UseCase<Command>
{
    private static readonly ReportFigure Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override bool StartsStream => true;

    public override string StreamOf(Command command) => StreamNames.Figure(command.FigureId);

    public override void Validate(Command c, FieldErrors errors)
    {
        errors.Require(PlanMetric.All.Contains(c.Metric), "metric", $"must be one of: {string.Join(", ", PlanMetric.All)}");
        errors.Require(c.PeriodTo >= c.PeriodFrom, "periodTo", $"is before periodFrom ({c.PeriodFrom})");
    }

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts figure, Related related)
    {
        if (figure.Has<FigureReported>()) throw Rule.Broken($"figure '{c.FigureId}' is already reported");
        yield return new FigureReported(c.FigureId, c.Metric, c.ProvinceCode, c.PeriodFrom, c.PeriodTo, c.Value, c.Unit, c.Statement, c.OccurredOn, c.Source);
    }
}
