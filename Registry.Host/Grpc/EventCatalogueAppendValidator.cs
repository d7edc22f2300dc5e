using Registry.EventStore;

namespace Registry.Host.Grpc;

/// <summary>
/// Refuses events whose type is not in the registry's event catalogue. Every stream of the log is a registry stream,
/// so the rule applies to all of them. Decision (issue 6): raw appends are accepted only as catalogue events; they do
/// not run the deciders' business rules, which is why only admin and province-editor keys may append at all.
/// </summary>
public sealed class EventCatalogueAppendValidator(IReadOnlySet<string> catalogue) : IAppendValidator
{
    /// <summary>
    /// The catalogue of Registry.Contracts. It is being built (issue 3); until it is merged the catalogue is empty and
    /// every raw append is refused, which is the safe side.
    /// </summary>
    public static EventCatalogueAppendValidator FromContracts() => new(new HashSet<string>(StringComparer.Ordinal));

    public string? Problem(string stream, IReadOnlyList<EventData> events)
    {
        var unknown = events.Select(e => e.EventType).Where(t => !catalogue.Contains(t)).Distinct().ToList();
        return unknown.Count == 0
            ? null
            : $"Not in the registry's event catalogue: {string.Join(", ", unknown)}. Appends through gRPC accept catalogue events only.";
    }
}
