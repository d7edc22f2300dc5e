using Dapper;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.EventStore;
using Registry.Projections.Runtime;

namespace Registry.Projections.Common;

/// <summary>
/// What the read-model projections share: they apply the event types they know, and treat corrections alike. A
/// <see cref="FactCorrected"/> or <see cref="FactRetracted"/> of a fact this projection uses re-derives the rows of
/// its stream from that position on: the stream's current rows are closed (their history stays as it was) and the
/// stream's facts, corrections applied, are applied again. Every row therefore belongs to exactly one stream.
/// </summary>
public abstract class ReadModelProjection : IProjection
{
    // Columns are snake_case, row records PascalCase.
    static ReadModelProjection() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    public abstract string Name { get; }
    public virtual int Version => 1;
    public abstract IReadOnlyList<string> Tables { get; }
    public abstract IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table);
    public virtual IReadOnlyList<string> QueryIndexes(SqlDialect dialect, Func<string, string> table) => [];

    /// <summary>The event types whose facts this projection turns into rows.</summary>
    protected abstract IReadOnlySet<string> EventTypes { get; }

    /// <summary>Applies one fact: the "event → SQL" table of the projection.</summary>
    protected abstract Task ApplyAsync(Fact fact, ProjectionBatch batch);

    /// <summary>
    /// Tables whose rows are not versioned (lookups used while projecting, indexes keyed to versioned rows), kept out
    /// of stream closing; they have no <c>stream</c> or <c>valid_to</c>.
    /// </summary>
    public virtual IReadOnlySet<string> WorkingTables { get; } = new HashSet<string>();

    public async Task HandleAsync(ProjectionBatch batch, CancellationToken ct)
    {
        for (var i = 0; i < batch.Events.Count; i++)
        {
            var e = batch.Events[i];
            if (EventTypes.Contains(e.EventType))
                await ApplyAsync(new Fact(e.Position, e.EventId, null, e.StreamName, batch.Decoded[i]), batch);
            else if (e.EventType is nameof(FactCorrected) or nameof(FactRetracted) && Concerns(batch.Decoded[i]))
                await RederiveStreamAsync(e, batch, ct);
        }
        await batch.Statements.FlushAsync();
    }

    private bool Concerns(IRegistryEvent correction) => correction switch
    {
        FactCorrected c => EventTypes.Contains(c.CorrectedEventType),
        FactRetracted r => EventTypes.Contains(r.RetractedEventType),
        _ => false,
    };

    private async Task RederiveStreamAsync(RecordedEvent correction, ProjectionBatch batch, CancellationToken ct)
    {
        // The stream's open rows are about to be closed and re-derived behind the back of what the batch knows; the versions
        // it still holds go to the table first, so that the statements below find them.
        foreach (var version in batch.Known.ForgetStream(correction.StreamName))
            await version(batch, null);
        foreach (var table in Tables.Where(t => !WorkingTables.Contains(t)))
            await batch.Statements.ExecuteAsync($"UPDATE {batch.Table(table)} SET valid_to = @p WHERE stream = @s AND valid_to IS NULL",
                new { p = correction.Position, s = correction.StreamName });
        foreach (var (eventId, revisedBy, type, data) in await HistoryAsync(correction, batch, ct))
            if (EventTypes.Contains(type))
                await ApplyAsync(new Fact(correction.Position, eventId, revisedBy, correction.StreamName, data), batch);
        // Versions opened and closed at the same position were never visible to anyone: drop them.
        foreach (var table in Tables.Where(t => !WorkingTables.Contains(t)))
            await batch.Statements.ExecuteAsync($"DELETE FROM {batch.Table(table)} WHERE stream = @s AND valid_from = @p AND valid_to = @p",
                new { p = correction.Position, s = correction.StreamName });
    }

    /// <summary>The stream's facts at the correction: read ahead with the batch, or read now on the batch's connection.</summary>
    private static async Task<IReadOnlyList<EffectiveFact>> HistoryAsync(RecordedEvent correction, ProjectionBatch batch, CancellationToken ct)
    {
        if (batch.Decoded.HistoryAt(correction.StreamName, correction.Position) is { } history) return history;
        await batch.Statements.ConnectionFreeAsync();
        return await StreamHistory.EffectiveAsync(batch.Connection, batch.Transaction, correction.StreamName, correction.Position, ct);
    }

    /// <summary>A row's own values and the fact's provenance, as one set of parameters.</summary>
    protected static RowParameters Row(object values, Fact fact) => new(values, fact.Provenance);

    /// <summary>A row of an entity version (<see cref="CurrentVersions{TState}"/>), with the position it was closed at if it was.</summary>
    protected static RowParameters Row(object values, Provenance provenance, long? validTo) => new(values, provenance) { ValidTo = validTo };
}
