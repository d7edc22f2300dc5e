namespace Registry.EventStore.Integrity;

/// <summary>The first place where the log is not what the chain says it was.</summary>
public sealed record ChainProblem(long Position, TamperKind Kind, string Detail);
