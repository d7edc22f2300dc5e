using Registry.Contracts.Common;

namespace Registry.Write.Pipeline;

/// <summary>
/// What else a decider consults, loaded before it decides: other streams (a prize's recipient, a funding's investor)
/// and, for a rule across a whole category, every fact of some types in the log (plan numbers in a province).
/// </summary>
public sealed class Related(IReadOnlyDictionary<string, Facts> streams, IReadOnlyList<IRegistryEvent> acrossLog)
{
    public static Related None { get; } = new(new Dictionary<string, Facts>(), []);

    public Facts this[string stream] => streams.TryGetValue(stream, out var facts) ? facts
        : throw new InvalidOperationException($"Stream '{stream}' was not declared as related, so it was not loaded.");

    /// <summary>Every fact of type <typeparamref name="T"/> in the log (declared in <see cref="UseCase{TCommand}.RelatedEventTypes"/>).</summary>
    public IEnumerable<T> AcrossLog<T>() where T : IRegistryEvent => acrossLog.OfType<T>();
}
