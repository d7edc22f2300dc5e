namespace Registry.EventStore;

/// <summary>The outcome of an append.</summary>
/// <param name="NextExpectedRevision">The stream's last revision after the append.</param>
/// <param name="FirstPosition">Global position of the first event of the append.</param>
/// <param name="LastPosition">Global position of the last event of the append.</param>
/// <param name="AlreadyAppended">True when every event was already there (an idempotent retry): nothing was written.</param>
public sealed record AppendResult(long NextExpectedRevision, long FirstPosition, long LastPosition, bool AlreadyAppended);
