using Registry.Contracts.Common;

namespace Registry.Contracts.Figures;

/// <summary>
/// A figure as a source states it ("238 valid applications 2019–2023"), kept beside the itemized facts so that the two
/// can be reconciled. <paramref name="Metric"/> is a <see cref="Plans.PlanMetric"/>; <paramref name="Statement"/> is the source's own words.
/// </summary>
public sealed record FigureReported(string FigureId, string Metric, string? ProvinceCode, int PeriodFrom, int PeriodTo, Figure Value, string Unit,
    string Statement, DateOnly OccurredOn, string Source) : IRegistryEvent;
