using Registry.Contracts.Common;

namespace Registry.Contracts.Figures;

/// <summary>Asks the registry to record <see cref="FigureReported"/>; it has exactly the event's fields.</summary>
public sealed record ReportFigure(string FigureId, string Metric, string? ProvinceCode, int PeriodFrom, int PeriodTo, Figure Value, string Unit,
    string Statement, DateOnly OccurredOn, string Source) : IRegistryCommand;
