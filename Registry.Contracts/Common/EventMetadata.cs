namespace Registry.Contracts.Common;

/// <summary>The metadata the write side stores beside each event's data (JSON, camelCase).</summary>
/// <param name="OccurredOn">The date the fact occurred on (valid time).</param>
/// <param name="Principal">The API key id that submitted the command.</param>
/// <param name="Source">Where the fact comes from: a document number, an article, a report.</param>
/// <param name="CorrelationId">The command id that started the chain.</param>
/// <param name="CausationId">The command (or event) id that caused this event.</param>
/// <param name="SchemaVersion">The version of the event's data contract.</param>
public sealed record EventMetadata(DateOnly OccurredOn, string Principal, string Source, Guid CorrelationId, Guid CausationId, int SchemaVersion = 1);
