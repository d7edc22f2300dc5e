using System.Data.Common;
using Registry.EventStore;

namespace Registry.Projections.Runtime;

/// <summary>What a projection gets for one batch: the events, and the connection and transaction its rows go in.
/// Dispose it when the batch is done: it holds the batch's prepared statements. <paramref name="known"/> carries the
/// entities known from earlier batches, for a writer that is sure nobody else changed the tables since (the offline
/// rebuild, which owns its new generation); by default a batch starts knowing nothing. <paramref name="decoded"/>
/// shares the events' decoding between the projections of one page.</summary>
public sealed class ProjectionBatch(IReadOnlyList<RecordedEvent> events, DbConnection connection, DbTransaction transaction,
    SqlDialect dialect, int generation, KnownEntities? known = null, DecodedEvents? decoded = null) : IDisposable
{
    public IReadOnlyList<RecordedEvent> Events { get; } = events;

    /// <summary>The events' contract records, decoded once for every projection that reads the same page.</summary>
    public DecodedEvents Decoded { get; } = decoded ?? new DecodedEvents(events);

    public DbConnection Connection { get; } = connection;
    public DbTransaction Transaction { get; } = transaction;
    public SqlDialect Dialect { get; } = dialect;
    public int Generation { get; } = generation;

    /// <summary>Row writes and reads in the batch's transaction, each statement prepared once per batch.</summary>
    public BatchStatements Statements { get; } = new(connection, transaction, name => TableName(name, generation));

    /// <summary>The current version of entities this batch (or the writer before it) has already read or written.</summary>
    public KnownEntities Known { get; } = known ?? new();

    public void Dispose() => Statements.Dispose();

    /// <summary>The physical name of one of the projection's tables in the generation being written.</summary>
    public string Table(string name) => TableName(name, Generation);

    public static string TableName(string name, int generation) => $"{name}_g{generation}";
}
