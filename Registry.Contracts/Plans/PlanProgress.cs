namespace Registry.Contracts.Plans;

/// <summary>A plan's targets against the actuals, as of a log position; <paramref name="ReferenceDate"/> is the date progress is judged on.</summary>
public sealed record PlanProgress(string PlanId, string Number, string Title, string ProvinceCode, string ProvinceName, int PeriodFrom, int PeriodTo,
    string Status, string Map, long AsOfPosition, DateOnly ReferenceDate, IReadOnlyList<PlanProgressRow> Rows);
