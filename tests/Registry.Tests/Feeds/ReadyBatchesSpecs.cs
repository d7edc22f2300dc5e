using System.Runtime.CompilerServices;
using Registry.Host.Feeds;

namespace Registry.Tests.Feeds;

/// <summary>Batches of what a sequence has ready: the feeds' one flush per batch must neither hold back nor lose an item.</summary>
public sealed class ReadyBatchesSpecs
{
    /// <summary>Yields 1..<paramref name="ready"/> at once, then waits for <paramref name="later"/> before its last item.</summary>
    private static async IAsyncEnumerable<int> Sequence(int ready, Task later, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 1; i <= ready; i++) yield return i;
        await later.WaitAsync(ct);
        yield return ready + 1;
    }

    [Test]
    public async Task A_batch_takes_what_is_ready_up_to_its_maximum_and_never_waits_after_its_first_item()
    {
        var later = new TaskCompletionSource();
        await using var batches = new ReadyBatches<int>(Sequence(5, later.Task).GetAsyncEnumerator(), maxBatch: 3);
        var batch = new List<int>();

        Assert.That(await batches.NextAsync(batch, Timeout.InfiniteTimeSpan, CancellationToken.None), Is.True);
        Assert.That(batch, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(await batches.NextAsync(batch, Timeout.InfiniteTimeSpan, CancellationToken.None), Is.True);
        Assert.That(batch, Is.EqualTo(new[] { 4, 5 }), "the batch ends where the sequence has to wait");

        var waiting = batches.NextAsync(batch, Timeout.InfiniteTimeSpan, CancellationToken.None);
        Assert.That(waiting.IsCompleted, Is.False);
        later.SetResult();
        Assert.That(await waiting, Is.True);
        Assert.That(batch, Is.EqualTo(new[] { 6 }));
        Assert.That(await batches.NextAsync(batch, Timeout.InfiniteTimeSpan, CancellationToken.None), Is.False, "the end");
    }

    [Test]
    public async Task Nothing_within_the_idle_time_is_an_empty_batch_and_the_item_still_comes_next()
    {
        var later = new TaskCompletionSource();
        await using var batches = new ReadyBatches<int>(Sequence(0, later.Task).GetAsyncEnumerator(), maxBatch: 3);
        var batch = new List<int>();

        Assert.That(await batches.NextAsync(batch, TimeSpan.FromMilliseconds(50), CancellationToken.None), Is.True);
        Assert.That(batch, Is.Empty, "idle: the feed sends a heartbeat");
        later.SetResult();
        Assert.That(await batches.NextAsync(batch, TimeSpan.FromMilliseconds(50), CancellationToken.None), Is.True);
        Assert.That(batch, Is.EqualTo(new[] { 1 }));
    }

    [Test]
    public async Task Disposing_while_the_sequence_waits_ends_it_once_its_token_is_cancelled()
    {
        using var stop = new CancellationTokenSource();
        var batches = new ReadyBatches<int>(Sequence(0, Task.Delay(Timeout.Infinite)).GetAsyncEnumerator(stop.Token), maxBatch: 3);
        Assert.That(await batches.NextAsync([], TimeSpan.FromMilliseconds(20), CancellationToken.None), Is.True);

        await stop.CancelAsync();
        Assert.That(async () => await batches.DisposeAsync(), Throws.Nothing);
    }
}
