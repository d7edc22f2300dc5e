namespace Registry.Write.Pipeline;

/// <summary>What else a decider consults, loaded before it decides: other streams (a prize's recipient, a funding's investor).</summary>
public sealed class Related(IReadOnlyDictionary<string, Facts> streams)
{
    public static Related None { get; } = new(new Dictionary<string, Facts>());

    public Facts this[string stream] => streams.TryGetValue(stream, out var facts) ? facts
        : throw new InvalidOperationException($"Stream '{stream}' was not declared as related, so it was not loaded.");
}
