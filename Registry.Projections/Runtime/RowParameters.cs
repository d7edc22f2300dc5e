namespace Registry.Projections.Runtime;

/// <summary>A row's own values beside the fact's provenance columns, bound together by <see cref="BatchStatements"/>.</summary>
public sealed record RowParameters(object Values, object Provenance);
