namespace Registry.EventStore.Integrity;

/// <summary>The outcome of recomputing the chain: OK, or the first problem found.</summary>
public sealed record ChainVerification(long EventsChecked, long LastPosition, byte[] LastHash, ChainProblem? Problem)
{
    public bool Ok => Problem is null;
}
