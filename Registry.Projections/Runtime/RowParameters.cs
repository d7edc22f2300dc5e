namespace Registry.Projections.Runtime;

/// <summary>A row's own values beside the fact's provenance columns, bound together by <see cref="BatchStatements"/>.
/// <see cref="ValidTo"/> is the row's <c>valid_to</c>: NULL, except for a version the offline rebuild held until it
/// was closed and writes once, already closed.</summary>
public sealed record RowParameters(object Values, object Provenance)
{
    public long? ValidTo { get; init; }
}
