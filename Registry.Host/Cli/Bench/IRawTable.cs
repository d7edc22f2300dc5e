using Registry.EventStore;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// The raw limit an adapter is measured against: the same events inserted into a plain table (<see cref="RawTableKind"/>),
/// one durable transaction per call, on the same database, by the same number of writers.
/// </summary>
public interface IRawTable : IAsyncDisposable
{
    Task InsertAsync(int writer, string stream, long firstRevision, IReadOnlyList<EventData> events);
}
