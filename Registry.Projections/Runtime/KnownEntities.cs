namespace Registry.Projections.Runtime;

/// <summary>
/// The current version of entities a projection has read or written (by its own key), so that it reads an entity's
/// row once instead of once per event. Each entry remembers the stream of the open row when it was written here:
/// a correction's re-derivation closes the open rows of its stream behind the projection's back, so
/// <see cref="ForgetStream"/> drops the entries of that stream and the ones read from the table (whose stream is not
/// known), and keeps the rest, whose rows the re-derivation does not touch.
/// <para>
/// With <paramref name="holdOpenRows"/> (the offline rebuild, sole writer of its generation) an open version is held
/// here instead of inserted, and its rows written once when the version closes, already closed: no UPDATE, and no
/// entry in the indexes of open rows. What is still held at the end is written open (<see cref="TakeHeld"/>).
/// </para>
/// </summary>
public sealed class KnownEntities(bool holdOpenRows = false)
{
    private readonly Dictionary<string, Entry> _entities = new();
    private readonly Dictionary<string, List<string>> _idsByStream = new();
    private readonly HashSet<string> _read = new();

    /// <summary>Whether the rows of open versions are held until they close rather than inserted at once.</summary>
    public bool HoldsOpenRows { get; } = holdOpenRows;

    /// <summary>The entity's known state (null: known not to exist).</summary>
    public bool TryGet(string id, out object? state)
    {
        var found = _entities.TryGetValue(id, out var entry);
        state = entry?.State;
        return found;
    }

    /// <summary>Remembers what the table holds for the entity (null when it has no open version).</summary>
    public void Read(string id, object? state)
    {
        _entities[id] = new Entry(state, null) { OpenInTable = state is not null };
        _read.Add(id);
    }

    /// <summary>Remembers the version just opened for the entity, with the stream of its rows. A version held
    /// from before that is still open stays held (and open rows in the table stay there), as it would stay open in SQL.</summary>
    public void Opened(string id, object state, string stream)
    {
        _entities.TryGetValue(id, out var earlier);
        _entities[id] = new Entry(state, stream) { Held = earlier?.Held, OpenInTable = !HoldsOpenRows || earlier is { OpenInTable: true } };
        if (!_idsByStream.TryGetValue(stream, out var ids)) _idsByStream[stream] = ids = [];
        if (!ids.Contains(id)) ids.Add(id);
    }

    /// <summary>Holds the entity's open version (opened just before) until it closes.</summary>
    public void Hold(string id, HeldVersion version) => (_entities[id].Held ??= []).Add(version);

    /// <summary>The entity's open version is being closed: returns what was held of it (to write closed) and whether it
    /// also has open rows in the table (to close there).</summary>
    public (List<HeldVersion>? Held, bool OpenInTable) Close(string id)
    {
        if (!_entities.TryGetValue(id, out var entry)) return (null, true);
        var closed = (entry.Held, entry.OpenInTable || !HoldsOpenRows);
        entry.Held = null;
        entry.OpenInTable = false;
        return closed;
    }

    /// <summary>
    /// Forgets the stream's entities before a correction closes and re-derives its rows in SQL. Returns the versions
    /// held for every entity ever opened in that stream, which the caller writes open before the correction's statements
    /// run on the table, so that they find exactly the rows the live runner would have written.
    /// </summary>
    public List<HeldVersion> ForgetStream(string stream)
    {
        var held = new List<HeldVersion>();
        if (_idsByStream.Remove(stream, out var ids))
            foreach (var id in ids)
            {
                if (!_entities.TryGetValue(id, out var entry)) continue;
                if (entry.Held is not null)
                {
                    held.AddRange(entry.Held);
                    entry.Held = null;
                    entry.OpenInTable = true;
                }
                if (entry.Stream == stream) _entities.Remove(id);
            }
        foreach (var id in _read)
            if (_entities.TryGetValue(id, out var entry) && entry.Stream is null) _entities.Remove(id);
        _read.Clear();
        return held;
    }

    /// <summary>Every version still held (the open ones at the end of a rebuild), to write open, in the order of the
    /// entities' keys: the indexes of open rows are keyed by the entity's key or stream, and rows inserted in their
    /// order fill those indexes' pages one after another instead of touching a random page each.</summary>
    public List<HeldVersion> TakeHeld()
    {
        var held = new List<HeldVersion>();
        var keys = _entities.Keys.ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var entry = _entities[key];
            if (entry.Held is null) continue;
            held.AddRange(entry.Held);
            entry.Held = null;
            entry.OpenInTable = true;
        }
        return held;
    }

    private sealed class Entry(object? state, string? stream)
    {
        public object? State { get; } = state;
        public string? Stream { get; } = stream;
        public List<HeldVersion>? Held { get; set; }
        public bool OpenInTable { get; set; }
    }
}
