namespace Registry.Write.Pipeline;

/// <summary>
/// What a command wrote: the stream, its revision after the command, the log positions and the events.
/// <see cref="AlreadyRecorded"/> is true when the same command (same id, same fields) had been recorded before: the
/// answer is the first one and nothing new was written.
/// </summary>
public sealed record CommandResult(Guid CommandId, string Command, string Stream, long Revision, long FirstPosition, long LastPosition,
    IReadOnlyList<WrittenEvent> Events, bool AlreadyRecorded);
