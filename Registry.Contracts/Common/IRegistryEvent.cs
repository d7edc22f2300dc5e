namespace Registry.Contracts.Common;

/// <summary>
/// Every fact of the registry. Besides the time the log records it, each fact carries the date it occurred on (its
/// valid time) and the source that states it (a document number, an article, a report).
/// </summary>
public interface IRegistryEvent
{
    DateOnly OccurredOn { get; }
    string Source { get; }
}
