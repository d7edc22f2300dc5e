using Registry.Contracts.Common;

namespace Registry.Write.Pipeline;

/// <summary>A fact as a decider sees it: the event, where it is in its stream and in the log.</summary>
public sealed record RecordedFact(Guid EventId, string EventType, long Revision, long Position, IRegistryEvent Fact);
