namespace Registry.Read.Time;

/// <summary>Where a query reads: the log position (record time) and the date progress is judged on.</summary>
public sealed record ReadPoint(long Position, DateOnly ReferenceDate);
