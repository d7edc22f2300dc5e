using Registry.EventStore;

namespace Registry.Write.Pipeline;

/// <summary>What else a decider consults, loaded before it decides: other streams (a prize's recipient, a funding's investor).</summary>
public sealed class Related(IReadOnlyDictionary<string, Facts> streams)
{
    public static Related None { get; } = new(new Dictionary<string, Facts>());

    public Facts this[string stream] => streams.TryGetValue(stream, out var facts) ? facts
        : throw new InvalidOperationException($"Stream '{stream}' was not declared as related, so it was not loaded.");

    /// <summary>The decision holds only while these streams are as they were read: the append is conditioned on them,
    /// so a fact recorded meanwhile (the recipient's registration retracted) makes it decide again.</summary>
    public IReadOnlyList<StreamCondition> ConditionsBeside(string stream) =>
        streams.Where(s => s.Key != stream).Select(s => new StreamCondition(s.Key, s.Value.Expected)).ToList();
}
