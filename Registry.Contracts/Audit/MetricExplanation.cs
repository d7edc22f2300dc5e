namespace Registry.Contracts.Audit;

/// <summary>
/// Why a figure is what it is: the metric, the year (null for a whole-period plan target), its value, and the events
/// of the rows it was computed from, in log order.
/// </summary>
public sealed record MetricExplanation(string Metric, int? Year, decimal Value, IReadOnlyList<ExplainedEvent> Events);

/// <summary>
/// One event behind a figure: its id, log position, type and stream; when the fact occurred and its source (as the
/// row states them, a correction's replacement included); when it was recorded (UTC).
/// </summary>
public sealed record ExplainedEvent(string EventId, long Position, string Type, string Stream, string OccurredOn, string Source, DateTimeOffset Recorded);
