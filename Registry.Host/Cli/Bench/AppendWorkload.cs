using System.Diagnostics;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// Drives <c>writers</c> concurrent tasks that together make <c>events / batch</c> calls of <c>batch</c> events each,
/// timing every call. The store and the raw baseline run through the same driver, so they differ only in the call.
/// </summary>
public static class AppendWorkload
{
    /// <param name="append">One call: (writer, its call number, first event number, count).</param>
    public static async Task<WorkloadResult> RunAsync(long events, int batch, int writers, Func<int, long, long, int, Task> append)
    {
        var calls = (events + batch - 1) / batch;
        var next = -1L;
        var latencies = new List<long>[writers];
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<long>();
            long call;
            for (var own = 0L; (call = Interlocked.Increment(ref next)) < calls; own++)
            {
                var first = call * batch;
                var count = (int)Math.Min(batch, events - first);
                var t0 = Stopwatch.GetTimestamp();
                await append(w, own, first, count);
                mine.Add(Stopwatch.GetTimestamp() - t0);
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new WorkloadResult(events, elapsed.TotalSeconds, Milliseconds(Percentile(all, 0.50)), Milliseconds(Percentile(all, 0.99)));
    }

    /// <summary>
    /// Rounds of <paramref name="events"/> unmeasured calls until <see cref="WarmUpFor"/> has passed: the JIT compiles a
    /// hot method fully only after it has been called for a while (tiered compilation, in the background), and a phase
    /// measured earlier runs partly on its first, quick code. Each round writes under its own stream prefix.
    /// </summary>
    public static async Task WarmUpAsync(long events, int batch, int writers, Func<string, int, long, long, int, Task> append)
    {
        var started = Stopwatch.GetTimestamp();
        for (var round = 0; round == 0 || Stopwatch.GetElapsedTime(started) < WarmUpFor; round++)
        {
            var prefix = $"warmup{round}";
            await RunAsync(events, batch, writers, (w, call, first, count) => append(prefix, w, call, first, count));
        }
    }

    private static readonly TimeSpan WarmUpFor = TimeSpan.FromSeconds(2);

    private static long Percentile(long[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
