using Registry.Projections.Runtime;

namespace Registry.Projections.Common;

/// <summary>
/// Entities kept as versions: one open row per entity (<c>valid_to</c> NULL) holding its current state, closed at the
/// position of each change and followed by a new version. The state of the open version is read once and then kept in
/// <see cref="ProjectionBatch.Known"/>, so a change costs no SELECT while the batch (or the offline rebuild) knows the
/// entity. Every table listed gets its open rows of the entity closed together (a startup's version and its sectors).
/// <paramref name="writeRows"/> writes a version's rows from its state and provenance, with their <c>valid_to</c>:
/// at once, or, when <see cref="KnownEntities.HoldsOpenRows"/>, only when the version closes, already closed.
/// </summary>
public sealed class CurrentVersions<TState>(string keyColumn, string stateColumns, string stateTable, string[] closedTables,
    Func<ProjectionBatch, TState, Provenance, long?, Task> writeRows) where TState : class
{
    private readonly GenerationSql _select = new(t => $"SELECT {stateColumns} FROM {t(stateTable)} WHERE {keyColumn} = @id AND valid_to IS NULL");

    private readonly GenerationSql[] _close = closedTables
        .Select(table => new GenerationSql(t => $"UPDATE {t(table)} SET valid_to = @p WHERE {keyColumn} = @id AND valid_to IS NULL")).ToArray();

    /// <summary>The open version's state, or null when the entity is unknown (remembered too: a later event usually finds it again).</summary>
    public async Task<TState?> GetAsync(ProjectionBatch b, string id)
    {
        if (b.Known.TryGet(id, out var known)) return (TState?)known;
        var current = await b.Statements.QuerySingleOrDefaultAsync<TState>(_select, new { id });
        b.Known.Read(id, current);
        return current;
    }

    /// <summary>Closes the entity's open rows at the fact's position; returns the state they held, or null (and closes nothing) when unknown.</summary>
    public async Task<TState?> CloseAsync(ProjectionBatch b, Fact fact, string id)
    {
        if (await GetAsync(b, id) is not { } current) return null;
        var (held, openInTable) = b.Known.Close(id);
        if (openInTable)
            foreach (var close in _close)
                await b.Statements.ExecuteAsync(close, new { p = fact.Position, id });
        foreach (var version in held ?? [])
            await version(b, fact.Position);
        return current;
    }

    /// <summary>Opens a version of the entity with the fact's provenance: writes its rows, or holds it.</summary>
    public Task OpenAsync(ProjectionBatch b, Fact fact, string id, TState state)
    {
        b.Known.Opened(id, state, fact.Provenance.Stream);
        if (!b.Known.HoldsOpenRows) return writeRows(b, state, fact.Provenance, null);
        Hold(b.Known, id, state, fact.Provenance);
        return Task.CompletedTask;
    }

    // Apart, so that what the held version keeps is its state and provenance, not the fact and its event.
    private void Hold(KnownEntities known, string id, TState state, Provenance provenance) =>
        known.Hold(id, (batch, validTo) => writeRows(batch, state, provenance, validTo));
}
