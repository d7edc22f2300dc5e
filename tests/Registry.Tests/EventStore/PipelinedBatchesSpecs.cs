using Registry.EventStore;
using Registry.EventStore.Integrity;

namespace Registry.Tests.EventStore;

/// <summary>
/// Group commits in flight behind one another (PostgreSQL plans each batch on the head the one before it will leave,
/// and sends it before that one has committed). When a batch is refused and committed again the careful way, the
/// batches planned behind it must be refused too and committed again, each append still answered for itself, and
/// the log still gap-free and chained.
/// </summary>
public sealed class PipelinedBatchesSpecs(string kind) : EventLogFixture(kind)
{
    private const int Writers = 8, AppendsPerWriter = 60;

    [Test]
    public async Task Given_streams_another_writer_created_when_appending_to_them_with_any_among_other_appends_then_every_event_is_recorded_once_and_the_chain_holds()
    {
        // The other writer's streams are unknown here: an append to one with "any" is planned as a new stream, refused
        // (its revision 0 exists), and committed again with as many events, so the head comes back to the same position
        // with another hash, while the batches planned behind it were sent already.
        await using (var other = await Location.OpenAsync(Limits))
            for (var s = 0; s < Writers * AppendsPerWriter / 3; s++)
                await other.AppendAsync($"startup-{s}", ExpectedRevision.NoStream, [Event()]);
        await Store.AppendAsync("province-1", ExpectedRevision.NoStream, [Event()]);
        var head = await Store.GetHeadPositionAsync();

        var written = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var ids = new List<Guid>();
            for (var i = 0; i < AppendsPerWriter; i++)
            {
                var stream = i % 3 == 0 ? $"startup-{(w * AppendsPerWriter + i) / 3}" : $"competition-{w}";
                var e = Event();
                await Store.AppendAsync(stream, ExpectedRevision.Any, [e]);
                ids.Add(e.EventId);
            }
            return ids;
        })));

        var recorded = (await ReadAll(from: head + 1)).ToList();
        Assert.That(recorded.Select(e => e.Position), Is.EqualTo(Enumerable.Range((int)head + 1, Writers * AppendsPerWriter).Select(p => (long)p)), "gap-free positions");
        Assert.That(recorded.Select(e => e.EventId).Order(), Is.EqualTo(written.SelectMany(ids => ids).Order()), "each event once");
        foreach (var stream in (await ReadAll()).GroupBy(e => e.StreamName))
            Assert.That(stream.Select(e => e.StreamRevision), Is.EqualTo(Enumerable.Range(0, stream.Count()).Select(r => (long)r)), $"revisions of {stream.Key}");
        Assert.That((await ChainVerifier.VerifyAsync(Store)).Problem, Is.Null, "the hash chain");
    }

    [Test]
    public async Task Given_retries_and_wrong_expected_revisions_among_concurrent_appends_when_they_commit_then_each_append_gets_its_own_answer()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var stream = $"startup-{w}";
            var (retried, wrong, fresh) = (0, 0, 0);
            AppendResult? last = null;
            EventData[]? lastEvents = null;
            for (var i = 0; i < AppendsPerWriter; i++)
            {
                if (i % 5 == 4 && lastEvents is not null)
                {
                    // The retry of the append before (its answer lost, say): the same ids at the same place.
                    var again = await Store.AppendAsync(stream, ExpectedRevision.Exact(last!.NextExpectedRevision - lastEvents.Length), lastEvents);
                    Assert.That(again, Is.EqualTo(last with { AlreadyAppended = true }), $"retry by writer {w}");
                    retried++;
                }
                else if (i % 7 == 6)
                {
                    var error = Assert.ThrowsAsync<WrongExpectedRevisionException>(() => Store.AppendAsync(stream, ExpectedRevision.Exact(1000 + i), [Event()]));
                    Assert.That(error!.Actual, Is.EqualTo(last?.NextExpectedRevision), $"actual revision told to writer {w}");
                    wrong++;
                }
                else
                {
                    lastEvents = Events(1 + i % 3);
                    var expected = last is null ? ExpectedRevision.NoStream : ExpectedRevision.Exact(last.NextExpectedRevision);
                    last = await Store.AppendAsync(stream, expected, lastEvents);
                    Assert.That(last.AlreadyAppended, Is.False);
                    fresh += lastEvents.Length;
                }
            }
            return (stream, fresh, retried, wrong);
        })));

        Assert.That(outcomes.All(o => o.retried > 0 && o.wrong > 0), "every writer retried and was refused");
        var all = await ReadAll();
        Assert.That(all.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, outcomes.Sum(o => o.fresh)).Select(p => (long)p)), "gap-free positions, each event once");
        foreach (var (stream, fresh, _, _) in outcomes)
            Assert.That((await ReadStream(stream)).Select(e => e.StreamRevision), Is.EqualTo(Enumerable.Range(0, fresh).Select(r => (long)r)), $"revisions of {stream}");
        Assert.That((await ChainVerifier.VerifyAsync(Store)).Problem, Is.Null, "the hash chain");
    }
}
