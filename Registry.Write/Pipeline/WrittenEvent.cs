namespace Registry.Write.Pipeline;

/// <summary>One event a command wrote: its id, type, revision in the stream and position in the log.</summary>
public sealed record WrittenEvent(Guid EventId, string EventType, long Revision, long Position);
