namespace Registry.Write.Pipeline;

/// <summary>A province code as of a date: what an editor's scope is checked against.</summary>
public sealed record ProvinceRef(string Code, DateOnly On);
