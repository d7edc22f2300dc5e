using Registry.Host.Feeds;
using Registry.Tests.Grpc;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Feeds;

/// <summary>
/// A partner following the live end of the feed while nothing happens: heartbeat comments keep proxies from closing
/// the idle connection, and the feed still delivers the next event. Takes a heartbeat period (15 s) to run.
/// </summary>
[NonParallelizable]
public sealed class SseHeartbeatSpecs
{
    [Test]
    public async Task An_idle_feed_sends_a_heartbeat_then_still_delivers_the_next_event()
    {
        var log = new SharedLog();
        await log.AppendAsync("training-t0", "TrainingRecorded");
        await using var server = await RegistryServer.StartAsync(log.Path);
        using var http = new HttpClient { BaseAddress = server.HttpUrl };

        var reading = SseClient.ReadAsync(http, "/api/feed?from=end", 1, guard: FeedEndpoint.Heartbeat * 3);
        await Task.Delay(FeedEndpoint.Heartbeat + TimeSpan.FromSeconds(3));
        Assert.That(reading.IsCompleted, Is.False, "nothing was appended, so no event came");
        await log.AppendAsync("training-t1", "TrainingRecorded");
        var (messages, comments) = await reading;

        Assert.That(comments, Does.Contain("heartbeat"));
        Assert.That(messages.Select(m => (m.Id, m.Event)), Is.EqualTo(new[] { (2L, "TrainingRecorded") }));
    }
}
