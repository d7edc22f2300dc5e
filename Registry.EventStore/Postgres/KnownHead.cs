using Registry.EventStore.Appending;

namespace Registry.EventStore.Postgres;

/// <summary>
/// The head this process committed last and the last revisions of the streams it read or wrote since then: while no
/// other writer moves the head, they are still true, so the next batch can be planned without reading (see
/// <see cref="PostgresEventStore"/>). The database checks every assumption as it writes.
/// </summary>
internal sealed class KnownHead
{
    // Bounds the memory; a stream forgotten is assumed from what its next append expects, or read.
    private const int MaxStreams = 100_000;
    private readonly Dictionary<string, long> _revisions;

    private KnownHead(LogHead head, Dictionary<string, long> revisions)
    {
        Head = head;
        _revisions = revisions;
    }

    public LogHead Head { get; private set; }

    /// <summary>After a commit made under the lock, with the revisions it read there.</summary>
    public static KnownHead Read(BatchPlan plan, Dictionary<string, long> revisions)
    {
        var known = new KnownHead(plan.Head, revisions);
        known.Record(plan);
        return known;
    }

    /// <summary>
    /// The last revision each stream of the batch, and each stream its appends are conditioned on, is assumed to have
    /// (-1: no stream): the one known, else the one its first append or condition expects (a new stream for "any").
    /// Null when a stream must be read first ("stream exists").
    /// </summary>
    public Dictionary<string, long>? Assume(IReadOnlyList<PendingAppend> batch)
    {
        var assumed = new Dictionary<string, long>();
        foreach (var append in batch)
        {
            if (!Assume(assumed, append.Stream, append.Expected)) return null;
            foreach (var condition in append.Conditions)
                if (!Assume(assumed, condition.Stream, condition.Expected)) return null;
        }
        return assumed;
    }

    private bool Assume(Dictionary<string, long> assumed, string stream, ExpectedRevision expected)
    {
        if (assumed.ContainsKey(stream)) return true;
        if (_revisions.TryGetValue(stream, out var known)) assumed[stream] = known;
        else if (expected.IsExact) assumed[stream] = expected.Value;
        else if (expected.IsNoStream || expected.IsAny) assumed[stream] = -1;
        else return false;
        return true;
    }

    /// <summary>After a planned commit succeeded: its assumptions were checked, and its rows are the streams' new ends.</summary>
    public KnownHead Advance(BatchPlan plan, Dictionary<string, long> assumed)
    {
        if (_revisions.Count + assumed.Count > MaxStreams) _revisions.Clear();
        foreach (var (stream, revision) in assumed)
            if (revision >= 0) _revisions[stream] = revision;
        Record(plan);
        return this;
    }

    private void Record(BatchPlan plan)
    {
        Head = plan.Head;
        foreach (var row in plan.Rows) _revisions[row.Stream] = row.Revision;
    }
}
