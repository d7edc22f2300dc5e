namespace Registry.Projections.Runtime;

/// <summary>
/// The current version of entities a projection has read or written (by its own key), so that it reads an entity's
/// row once instead of once per event. Each entry remembers the stream of the open row when it was written here:
/// a correction's re-derivation closes the open rows of its stream behind the projection's back, so
/// <see cref="ForgetStream"/> drops the entries of that stream and the ones read from the table (whose stream is not
/// known), and keeps the rest, whose rows the re-derivation does not touch.
/// </summary>
public sealed class KnownEntities
{
    private readonly Dictionary<string, (object? State, string? Stream)> _entities = new();
    private readonly Dictionary<string, List<string>> _idsByStream = new();
    private readonly HashSet<string> _read = new();

    /// <summary>The entity's known state (null: known not to exist).</summary>
    public bool TryGet(string id, out object? state)
    {
        var found = _entities.TryGetValue(id, out var entry);
        state = entry.State;
        return found;
    }

    /// <summary>Remembers what the table holds for the entity (null when it has no open version).</summary>
    public void Read(string id, object? state)
    {
        _entities[id] = (state, null);
        _read.Add(id);
    }

    /// <summary>Remembers the version just opened for the entity, with the stream of its rows.</summary>
    public void Opened(string id, object state, string stream)
    {
        _entities[id] = (state, stream);
        if (!_idsByStream.TryGetValue(stream, out var ids)) _idsByStream[stream] = ids = [];
        if (!ids.Contains(id)) ids.Add(id);
    }

    public void ForgetStream(string stream)
    {
        if (_idsByStream.Remove(stream, out var ids))
            foreach (var id in ids)
                if (_entities.TryGetValue(id, out var entry) && entry.Stream == stream) _entities.Remove(id);
        foreach (var id in _read)
            if (_entities.TryGetValue(id, out var entry) && entry.Stream is null) _entities.Remove(id);
        _read.Clear();
    }
}
