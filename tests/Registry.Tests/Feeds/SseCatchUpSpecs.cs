using Registry.EventStore;
using Registry.Tests.Grpc;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Feeds;

/// <summary>Given a history of many more events than the feed writes per flush, a partner catching up gets every one, in order, once.</summary>
[NonParallelizable]
public sealed class SseCatchUpSpecs
{
    private const int Events = 1000;
    private RegistryServer _server = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task ALongHistory()
    {
        var log = new SharedLog();
        for (var i = 0; i < Events / 100; i++) await log.AppendAsync($"training-t{i}", Enumerable.Repeat("TrainingRecorded", 100).ToArray());
        _server = await RegistryServer.StartAsync(log.Path);
        _http = new HttpClient { BaseAddress = _server.HttpUrl };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task From_the_start_every_position_arrives_once_in_order()
    {
        var (messages, _) = await SseClient.ReadAsync(_http, "/api/feed", Events);
        Assert.That(messages.Select(m => m.Id), Is.EqualTo(Enumerable.Range(1, Events).Select(i => (long)i)));
        Assert.That(messages.Select(m => m.Envelope.GetProperty("subject").GetString()).Distinct().Count(), Is.EqualTo(Events / 100));
    }

    [Test]
    public async Task A_reconnect_in_the_middle_of_a_batch_resumes_right_after_its_last_event_id()
    {
        var (messages, _) = await SseClient.ReadAsync(_http, "/api/feed", Events - 333, lastEventId: "333");
        Assert.That(messages.Select(m => m.Id), Is.EqualTo(Enumerable.Range(334, Events - 333).Select(i => (long)i)));
    }
}
