using Registry.Contracts.Common;

namespace Registry.Projections.Common;

/// <summary>
/// What every read-model row keeps of the fact it came from: its stream, event, correction, valid time, source, and
/// the log position from which the row is visible. Property names are the columns, so Dapper takes it beside a row.
/// </summary>
public sealed class Provenance(long position, Guid eventId, Guid? revisedBy, string stream, IRegistryEvent data)
{
    /// <summary>The stream the fact lives in; a correction in that stream re-derives its rows.</summary>
    public string Stream { get; } = stream;

    /// <summary>The id of the event that stated the fact (the original, even when corrected).</summary>
    public string EventId { get; } = eventId.ToString();

    /// <summary>The id of the correction whose replacement payload this is, if any.</summary>
    public string? RevisedBy { get; } = revisedBy?.ToString();

    /// <summary>Valid time: when the fact occurred (ISO date).</summary>
    public string OccurredOn { get; } = IsoDate.Format(data.OccurredOn);

    public string Source { get; } = data.Source;

    /// <summary>Record time: the log position from which the rows written for this fact are visible.</summary>
    public long ValidFrom { get; } = position;
}
