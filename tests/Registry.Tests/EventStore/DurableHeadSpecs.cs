using System.Text;
using Npgsql;
using Registry.EventStore;
using Registry.EventStore.Integrity;
using Registry.EventStore.Subscriptions;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.EventStore;

/// <summary>
/// PostgreSQL appends commit without waiting for their flush and become visible to readers only once a fence has
/// made them durable (<c>log_durable</c>). These specifications stage what a writer leaves when it dies between its
/// commit and its fence: a committed tail above the durable head. No reader may see it until it is published, and then
/// every reader sees it once, in order, before anything appended after it.
/// </summary>
public sealed class DurableHeadSpecs
{
    private EventStoreLocation _location = null!;
    private SqlEventStore _store = null!;

    [SetUp]
    public async Task OpenStore()
    {
        _location = StoreKind.NewLocation(StoreKind.Postgres);
        _store = await _location.OpenAsync();
        await _store.AppendAsync("startup-1", ExpectedRevision.NoStream,
            [Event(Guid.NewGuid()), Event(Guid.NewGuid())]);
    }

    [TearDown]
    public async Task CloseStore() => await _store.DisposeAsync();

    private static EventData Event(Guid id) => new(id, "StartupRegistered", Encoding.UTF8.GetBytes("""{"name":"Hoa Sen"}"""), "{}"u8.ToArray());

    /// <summary>What a writer that died after committing leaves: the next event, chained, and log_head moved; log_durable not.</summary>
    private async Task CommitTailWithoutFence(Guid id)
    {
        var (position, hash) = await _store.GetHeadAsync();
        var e = Event(id);
        var recorded = EventHash.ToUnixMicroseconds(DateTimeOffset.UtcNow);
        var next = EventHash.Compute(hash, position + 1, "startup-1", 2, id, e.EventType, e.Data.Span, e.Metadata.Span, recorded);
        await using var connection = new NpgsqlConnection(_location.Connection);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "WITH head AS (UPDATE log_head SET position = $1, hash = $7, recorded_us = $6) " +
            "INSERT INTO events VALUES ($1, 'startup-1', 2, $2, $3, $4, $5, $6, $7)", connection);
        foreach (var value in new object[] { position + 1, id, e.EventType, e.Data.ToArray(), e.Metadata.ToArray(), recorded, next })
            cmd.Parameters.Add(new NpgsqlParameter { Value = value });
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<List<long>> Positions(IAsyncEnumerable<RecordedEvent> events)
    {
        var positions = new List<long>();
        await foreach (var e in events) positions.Add(e.Position);
        return positions;
    }

    [Test]
    public async Task Given_a_tail_committed_without_its_fence_when_reading_then_no_reader_sees_it()
    {
        var tail = Guid.NewGuid();
        await CommitTailWithoutFence(tail);

        Assert.That(await Positions(_store.ReadAllAsync(Direction.Forwards, 1, long.MaxValue)), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(await Positions(_store.ReadAllAsync(Direction.Backwards, long.MaxValue, long.MaxValue)), Is.EqualTo(new long[] { 2, 1 }));
        Assert.That(await Positions(_store.ReadStreamAsync("startup-1", Direction.Forwards, 0, long.MaxValue)), Is.EqualTo(new long[] { 1, 2 }));
        Assert.That(await _store.ReadEventAsync(tail), Is.Null);
        Assert.That(await _store.GetStreamRevisionAsync("startup-1"), Is.EqualTo(1));
        Assert.That(await _store.GetHeadPositionAsync(), Is.EqualTo(2));
        Assert.That((await _store.GetDurableHeadAsync()).Position, Is.EqualTo(2), "a signed checkpoint vouches only for what is durable");
        Assert.That((await ChainVerifier.VerifyAsync(_store)).Problem, Is.Null, "the verifier checks everything written, tail included");
    }

    [Test]
    public async Task Given_a_tail_committed_without_its_fence_when_the_next_append_is_made_then_the_tail_comes_first_and_once()
    {
        await CommitTailWithoutFence(Guid.NewGuid());

        var result = await _store.AppendAsync("startup-1", ExpectedRevision.Any, [Event(Guid.NewGuid())]);

        Assert.That(result, Is.EqualTo(new AppendResult(3, 4, 4, false)));
        Assert.That(await Positions(_store.ReadAllAsync(Direction.Forwards, 1, long.MaxValue)), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
        Assert.That((await ChainVerifier.VerifyAsync(_store)).Problem, Is.Null);
    }

    [Test]
    public async Task Given_a_tail_committed_without_its_fence_when_a_store_opens_then_it_publishes_the_tail()
    {
        await CommitTailWithoutFence(Guid.NewGuid());

        await using var reopened = await _location.OpenAsync();

        Assert.That(await reopened.GetHeadPositionAsync(), Is.EqualTo(3));
        Assert.That(await _store.GetStreamRevisionAsync("startup-1"), Is.EqualTo(2));
    }

    [Test]
    public async Task Given_a_live_subscriber_and_a_quiet_log_when_a_tail_is_left_without_its_fence_then_the_subscriber_receives_it_once()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<long>();
        var caughtUp = new TaskCompletionSource();
        var tailSeen = new TaskCompletionSource();
        var subscription = Task.Run(async () =>
        {
            await foreach (var message in _store.SubscribeToAllAsync(0, ct: cts.Token))
            {
                if (message is SubscriptionMessage.Event e) received.Add(e.Record.Position);
                if (message is SubscriptionMessage.CaughtUp) caughtUp.TrySetResult();
                if (received.Count == 3) tailSeen.TrySetResult();
            }
        });
        await caughtUp.Task.WaitAsync(cts.Token);

        await CommitTailWithoutFence(Guid.NewGuid());

        // No append follows: the store's listener publishes a quiet log's tail by itself (every 5 s).
        await tailSeen.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await Task.Delay(200);
        await cts.CancelAsync();
        try { await subscription; } catch (OperationCanceledException) { }
        Assert.That(received, Is.EqualTo(new long[] { 1, 2, 3 }));
    }
}
