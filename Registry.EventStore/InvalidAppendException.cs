namespace Registry.EventStore;

/// <summary>An append broke one of the log's limits; nothing was written. <see cref="Field"/> names what was wrong.</summary>
public sealed class InvalidAppendException(string field, string reason) : Exception($"{field}: {reason}")
{
    public string Field { get; } = field;
    public string Reason { get; } = reason;
}
