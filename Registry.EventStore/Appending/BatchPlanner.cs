using Registry.EventStore.Integrity;

namespace Registry.EventStore.Appending;

/// <summary>
/// Decides a group commit: for each queued append, in arrival order, either an idempotent answer, a refusal, or new
/// rows with the next contiguous positions. Pure, so both adapters share exactly the same rules.
/// </summary>
internal static class BatchPlanner
{
    public static BatchPlan Plan(LogHead head, IReadOnlyList<PendingAppend> batch,
        IReadOnlyDictionary<string, long> revisions, IReadOnlyDictionary<Guid, StoredEventKey> existing, DateTimeOffset now)
    {
        var plan = new BatchPlan();
        var streamRevisions = new Dictionary<string, long>(revisions);
        var planned = new Dictionary<Guid, StoredEventKey>();
        // Recorded time never goes backwards along positions, so "as of a timestamp" maps to one position.
        var recorded = Math.Max(EventHash.ToUnixMicroseconds(now), head.RecordedMicroseconds);
        var position = head.Position;
        var hash = head.Hash;

        foreach (var append in batch)
        {
            StoredEventKey? Lookup(Guid id) =>
                planned.TryGetValue(id, out var p) ? p : existing.TryGetValue(id, out var e) ? e : null;

            long? actual = streamRevisions.TryGetValue(append.Stream, out var r) ? r : null;
            var known = append.Events.Select(e => Lookup(e.EventId)).ToList();
            if (known.Any(k => k is not null))
            {
                var (result, error) = Retry(append, known, actual);
                plan.Outcomes.Add((append, result, error));
                continue;
            }
            if (!append.Expected.IsSatisfiedBy(actual))
            {
                plan.Outcomes.Add((append, null, new WrongExpectedRevisionException(append.Stream, append.Expected, actual)));
                continue;
            }
            // Seen as the appends before it in the batch leave them: those commit first.
            if (append.Conditions.FirstOrDefault(c => !c.Expected.IsSatisfiedBy(streamRevisions.TryGetValue(c.Stream, out var cr) ? cr : null)) is { } unmet)
            {
                long? at = streamRevisions.TryGetValue(unmet.Stream, out var ur) ? ur : null;
                plan.Outcomes.Add((append, null, new WrongExpectedRevisionException(unmet.Stream, unmet.Expected, at, conditionOf: append.Stream)));
                continue;
            }

            var revision = actual ?? -1;
            var first = position + 1;
            foreach (var e in append.Events)
            {
                position++;
                revision++;
                var data = e.Data.ToArray();
                var metadata = e.Metadata.IsEmpty ? "{}"u8.ToArray() : e.Metadata.ToArray();
                hash = EventHash.Compute(hash, position, append.Stream, revision, e.EventId, e.EventType, data, metadata, recorded);
                plan.Rows.Add(new NewEventRow(position, append.Stream, revision, e.EventId, e.EventType, data, metadata, recorded, hash));
                planned[e.EventId] = new StoredEventKey(e.EventId, append.Stream, revision, position, e.EventType, data, metadata);
            }
            streamRevisions[append.Stream] = revision;
            plan.Outcomes.Add((append, new AppendResult(revision, first, position, false), null));
        }
        plan.Head = new LogHead(position, hash, recorded);
        return plan;
    }

    /// <summary>Some ids are already recorded: succeed only if this is exactly the earlier append, at the same place.</summary>
    private static (AppendResult?, Exception?) Retry(PendingAppend append, List<StoredEventKey?> known, long? actual)
    {
        for (var i = 0; i < known.Count; i++)
        {
            var k = known[i];
            var e = append.Events[i];
            if (k is null)
                return (null, new DuplicateEventIdException(known.First(x => x is not null)!.EventId,
                    "only part of this append was recorded before, so it cannot be a retry"));
            if (k.Stream != append.Stream)
                return (null, new DuplicateEventIdException(k.EventId, $"it belongs to stream '{k.Stream}'"));
            if (k.EventType != e.EventType || !k.Data.AsSpan().SequenceEqual(e.Data.Span) ||
                !k.Metadata.AsSpan().SequenceEqual(e.Metadata.IsEmpty ? "{}"u8 : e.Metadata.Span))
                return (null, new DuplicateEventIdException(k.EventId, "with different content"));
            if (i > 0 && k.Revision != known[i - 1]!.Revision + 1)
                return (null, new DuplicateEventIdException(k.EventId, "at another place in the stream"));
        }
        var firstRevision = known[0]!.Revision;
        var placeMatches = append.Expected.IsAny || append.Expected.IsStreamExists ||
                           (append.Expected.IsNoStream && firstRevision == 0) ||
                           (append.Expected.IsExact && firstRevision == append.Expected.Value + 1);
        if (!placeMatches) return (null, new WrongExpectedRevisionException(append.Stream, append.Expected, actual));
        return (new AppendResult(known[^1]!.Revision, known[0]!.Position, known[^1]!.Position, true), null);
    }
}
