namespace Registry.EventStore.Integrity;

/// <summary>
/// Recomputes the hash chain over the whole log and reports the first position where it breaks, and how: a missing
/// position, a row beyond the recorded head, a reordering (the event that belongs here stands elsewhere), a row
/// inserted in the middle (the event that belongs here comes right after it), or a changed event (its successor
/// still links to its stored hash). A rewrite that recomputed the chain is invisible to this check alone: signed
/// checkpoints catch it.
/// </summary>
public static class ChainVerifier
{
    public static async Task<ChainVerification> VerifyAsync(SqlEventStore store, Action<long>? progress = null, CancellationToken ct = default)
    {
        var head = await store.GetHeadAsync(ct);
        var previous = EventHash.Genesis;
        var computed = new byte[32];
        var expected = 1L;
        long count = 0;

        // Up to the head read above: what is appended while this runs is not part of what is verified.
        await using var rows = store.ScanAsync(1, head.Position, ct).GetAsyncEnumerator(ct);
        while (await rows.MoveNextAsync())
        {
            var e = rows.Current;
            ChainVerification Fail(ChainProblem problem) => new(count, expected - 1, previous, problem);

            if (e.Position > expected)
                return Fail(new(expected, TamperKind.Missing, $"positions {expected}..{e.Position - 1} are absent; the next row is at {e.Position}"));

            EventHash.Compute(previous, e.Position, e.StreamName, e.StreamRevision, e.EventId, e.EventType, e.Data, e.Metadata,
                EventHash.ToUnixMicroseconds(e.Recorded), computed);
            if (!computed.AsSpan().SequenceEqual(e.Hash))
                return Fail(await ClassifyAsync(e, previous, head.Hash, rows));

            previous = e.Hash;
            expected++;
            count++;
            if (progress is not null && (count & 0xFFFF) == 0) progress(count);
        }

        var last = expected - 1;
        if (await store.FindRowBeyondHeadAsync(ct) is { } beyond)
            return new(count, last, previous, new(beyond, TamperKind.Inserted, $"a row at {beyond} lies beyond the recorded head"));
        if (last < head.Position)
            return new(count, last, previous, new(last + 1, TamperKind.Missing, $"the log ends at {last} but its recorded head is {head.Position}: the tail was removed"));
        if (!previous.AsSpan().SequenceEqual(head.Hash))
            return new(count, last, previous, new(last, TamperKind.Changed, "the recorded head hash does not match the chain's last hash"));
        return new(count, last, previous, null);
    }

    /// <summary>The row at <paramref name="bad"/>.Position does not continue the chain: read on to tell why.</summary>
    private static async Task<ChainProblem> ClassifyAsync(RecordedEvent bad, byte[] previous, byte[] headHash, IAsyncEnumerator<RecordedEvent> rows)
    {
        var at = bad.Position;
        if (!await rows.MoveNextAsync())
            return bad.Hash.AsSpan().SequenceEqual(headHash)
                ? new(at, TamperKind.Changed, $"event {bad.EventId} at {at} (stream {bad.StreamName}) no longer matches its hash")
                : new(at, TamperKind.Inserted, $"the last row, at {at}, was never part of the chain");

        var next = rows.Current;
        if (EventHash.Compute(bad.Hash, next).AsSpan().SequenceEqual(next.Hash))
            return new(at, TamperKind.Changed, $"event {bad.EventId} at {at} (stream {bad.StreamName}) no longer matches its hash");
        if (EventHash.ComputeAt(previous, next, at).AsSpan().SequenceEqual(next.Hash))
            return EventHash.ComputeAt(next.Hash, bad, at + 1).AsSpan().SequenceEqual(bad.Hash)
                ? new(at, TamperKind.Reordered, $"the events at {at} and {at + 1} were swapped")
                : new(at, TamperKind.Inserted, $"the row at {at} was never part of the chain; the event that belongs at {at} follows it");

        // Look further on for the event that belongs here: found means rows were moved.
        while (await rows.MoveNextAsync())
        {
            var candidate = rows.Current;
            if (EventHash.ComputeAt(previous, candidate, at).AsSpan().SequenceEqual(candidate.Hash))
                return new(at, TamperKind.Reordered, $"the event that belongs at {at} stands at {candidate.Position}; the row at {at} belongs elsewhere");
        }
        return new(at, TamperKind.Changed, $"the row at {at} (event {bad.EventId}, stream {bad.StreamName}) does not continue the chain");
    }
}
