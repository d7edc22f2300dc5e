namespace Registry.Contracts.Findings;

/// <summary>
/// A data-quality finding: what disagrees (<paramref name="Message"/>), the province on the map asked for, the
/// subjects involved (figure, startup or event ids) and the events behind it. <paramref name="Reported"/> and
/// <paramref name="Itemized"/> are set for reported-figure findings.
/// </summary>
public sealed record Finding(FindingKind Kind, string? ProvinceCode, string Message, IReadOnlyList<string> Subjects, decimal? Reported,
    decimal? Itemized, IReadOnlyList<Guid> EventIds);
