using Registry.Projections.Runtime;

namespace Registry.Projections.Common;

/// <summary>
/// Entities kept as versions: one open row per entity (<c>valid_to</c> NULL) holding its current state, closed at the
/// position of each change and followed by a new version. The state of the open version is read once and then kept in
/// <see cref="ProjectionBatch.Known"/>, so a change costs no SELECT while the batch (or the offline rebuild) knows the
/// entity. Every table listed gets its open rows of the entity closed together (a startup's version and its sectors).
/// When <see cref="KnownEntities.HoldsOpenRows"/>, the version's rows are written only when it closes, already closed.
/// </summary>
public sealed class CurrentVersions<TState>(string keyColumn, string stateColumns, string stateTable, params string[] closedTables) where TState : class
{
    /// <summary>The open version's state, or null when the entity is unknown (remembered too: a later event usually finds it again).</summary>
    public async Task<TState?> GetAsync(ProjectionBatch b, string id)
    {
        if (b.Known.TryGet(id, out var known)) return (TState?)known;
        var current = await b.Statements.QuerySingleOrDefaultAsync<TState>(
            $"SELECT {stateColumns} FROM {b.Table(stateTable)} WHERE {keyColumn} = @id AND valid_to IS NULL", new { id });
        b.Known.Read(id, current);
        return current;
    }

    /// <summary>Closes the entity's open rows at the fact's position; returns the state they held, or null (and closes nothing) when unknown.</summary>
    public async Task<TState?> CloseAsync(ProjectionBatch b, Fact fact, string id)
    {
        if (await GetAsync(b, id) is not { } current) return null;
        var (held, openInTable) = b.Known.Close(id);
        if (openInTable)
            foreach (var table in closedTables)
                await b.Statements.ExecuteAsync($"UPDATE {b.Table(table)} SET valid_to = @p WHERE {keyColumn} = @id AND valid_to IS NULL",
                    new { p = fact.Position, id });
        foreach (var (sql, row) in held ?? [])
            await b.Statements.ExecuteAsync(sql, row with { ValidTo = fact.Position });
        return current;
    }

    /// <summary>Records the state of the version just opened for the fact; its rows follow through <see cref="InsertAsync"/>.</summary>
    public void Opened(ProjectionBatch b, Fact fact, string id, TState state) => b.Known.Opened(id, state, fact.Provenance.Stream);

    /// <summary>Inserts a row of the entity's open version, or holds it until the version closes.</summary>
    public Task InsertAsync(ProjectionBatch b, string id, string sql, RowParameters row)
    {
        if (!b.Known.HoldsOpenRows) return b.Statements.ExecuteAsync(sql, row);
        b.Known.Hold(id, sql, row);
        return Task.CompletedTask;
    }
}
