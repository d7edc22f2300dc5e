namespace Registry.EventStore.Appending;

/// <summary>The last committed position, its chain hash and its recorded time: one row, locked by each writing transaction.</summary>
internal readonly record struct LogHead(long Position, byte[] Hash, long RecordedMicroseconds)
{
    public static LogHead Empty => new(0, Integrity.EventHash.Genesis, 0);
}
