using System.Net;
using System.Text;
using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.Contracts.Organizations;
using Registry.Contracts.Startups;
using Registry.Contracts.Trainings;
using Registry.EventStore;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Feeds;

/// <summary>Given a log with facts (some with personal data) and a running registry, when a partner reads /api/feed, then…</summary>
public sealed class SseFeedSpecs
{
    private static readonly DateOnly Day = new(2023, 5, 4);
    private string _path = null!;
    private RegistryServer _server = null!;
    private HttpClient _http = null!;
    private readonly List<(string Stream, object Fact)> _facts =
    [
        ("startup-hoa-sen", new StartupRegistered("hoa-sen", "Hoa Sen Tech", "20", ["agritech"], StartupStage.Project, null,
            [new Founder("Nguyễn Văn Giả", "CEO", "0912345678", "gia@example.vn", "001099012345")], "Nông nghiệp số", null, Day, "demo")),
        ("training-ls-2023-1", new TrainingRecorded("ls-2023-1", "Tập huấn khởi nghiệp", "Sở KH&CN Lạng Sơn", "20", Day, Day, "students",
            Figure.Exact(120), Day, "seed 002")),
        ("startup-hoa-sen", new StartupProfileUpdated("hoa-sen", null, null, null,
            [new Founder("Trần Thị Hư Cấu", "CTO", "0987654321", "hucau@example.vn", "001199054321")], null, null, Day, "demo")),
        ("investor-angel-1", new InvestorRegistered("angel-1", "Quỹ Thiên Thần Mẫu", InvestorKind.Angel, "01", "Lê Văn Mẫu", "mau@example.vn", "0901000000", Day, "demo")),
        ("mentor-m1", new MentorRegistered("m1", "Phạm Cố Vấn", ["fintech"], "01", null, "covan@example.vn", "0902000000", Day, "demo")),
    ];

    [OneTimeSetUp]
    public async Task ALogAndARunningRegistry()
    {
        _path = Path.Combine(Path.GetTempPath(), "registry-tests", Guid.NewGuid().ToString("N"), "registry.db");
        await using (var store = await new EventStoreLocation(EventStoreLocation.Sqlite, _path).OpenAsync())
        {
            foreach (var (stream, fact) in _facts) await Append(store, stream, fact);
            var registered = await store.ReadStreamAsync("startup-hoa-sen", Direction.Forwards, 0, 1).FirstAsync();
            var replacement = JsonSerializer.SerializeToElement((StartupRegistered)_facts[0].Fact with { Name = "Hoa Sen Technology" }, RegistryJson.Options);
            await Append(store, "startup-hoa-sen", new FactCorrected(registered.EventId, nameof(StartupRegistered), replacement, "typo", Day, "demo"));
            await store.AppendAsync("apikey-k1", ExpectedRevision.Any,
                [new EventData(Guid.NewGuid(), "ApiKeyIssued", """{"keyId":"k1","secretHash":"00"}"""u8.ToArray(), "{}"u8.ToArray())]);
        }
        _server = await RegistryServer.StartAsync(_path);
        _http = new HttpClient { BaseAddress = _server.HttpUrl };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private static Task Append(IEventStore store, string stream, object fact) => store.AppendAsync(stream, ExpectedRevision.Any,
        [new EventData(Guid.NewGuid(), fact.GetType().Name, JsonSerializer.SerializeToUtf8Bytes(fact, fact.GetType(), RegistryJson.Options),
            JsonSerializer.SerializeToUtf8Bytes(new EventMetadata(Day, "test", "demo", Guid.NewGuid(), Guid.NewGuid()), RegistryJson.Options))]);

    [Test]
    public async Task Every_fact_arrives_in_order_as_a_CloudEvent_whose_SSE_id_is_its_position()
    {
        var (messages, _) = await SseClient.ReadAsync(_http, "/api/feed", 6);
        Assert.That(messages.Select(m => m.Id), Is.EqualTo(new long[] { 1, 2, 3, 4, 5, 6 }));
        var first = messages[0].Envelope;
        Assert.That(first.GetProperty("specversion").GetString(), Is.EqualTo("1.0"));
        Assert.That(first.GetProperty("type").GetString(), Is.EqualTo("StartupRegistered"));
        Assert.That(first.GetProperty("subject").GetString(), Is.EqualTo("startup-hoa-sen"));
        Assert.That(first.GetProperty("position").GetString(), Is.EqualTo("1"));
        Assert.That(first.GetProperty("data").GetProperty("name").GetString(), Is.EqualTo("Hoa Sen Tech"));
        Assert.That(messages.Select(m => m.Event), Does.Not.Contain("ApiKeyIssued"), "the registry's own streams are not shared");
    }

    [Test]
    public async Task Personal_data_never_leaves_through_the_feed()
    {
        var (messages, _) = await SseClient.ReadAsync(_http, "/api/feed", 6);
        var text = string.Join("\n", messages.Select(m => m.Envelope.GetRawText()));
        foreach (var secret in new[] { "Giả", "0912345678", "gia@example.vn", "001099012345", "Hư Cấu", "hucau@example.vn", "Lê Văn Mẫu",
                     "mau@example.vn", "0901000000", "Phạm Cố Vấn", "covan@example.vn", "0902000000" })
            Assert.That(text, Does.Not.Contain(JsonEncodedText.Encode(secret).ToString()).And.Not.Contain(secret), secret);
        var founder = messages[0].Envelope.GetProperty("data").GetProperty("founders")[0];
        Assert.That(founder.GetProperty("role").GetString(), Is.EqualTo("CEO"), "what is not personal stays");
        Assert.That(messages.Single(m => m.Event == "FactCorrected").Envelope.GetProperty("data").GetProperty("replacement")
            .GetProperty("name").GetString(), Is.EqualTo("Hoa Sen Technology"));
    }

    [Test]
    public async Task A_reconnect_with_Last_Event_ID_resumes_exactly_after_it()
    {
        var (messages, _) = await SseClient.ReadAsync(_http, "/api/feed", 3, lastEventId: "3");
        Assert.That(messages.Select(m => m.Id), Is.EqualTo(new long[] { 4, 5, 6 }));
        var (fromQuery, _) = await SseClient.ReadAsync(_http, "/api/feed?from=5", 1);
        Assert.That(fromQuery.Single().Id, Is.EqualTo(6));
    }

    [Test]
    public async Task Type_and_stream_prefixes_filter_the_feed()
    {
        var (startups, _) = await SseClient.ReadAsync(_http, "/api/feed?types=Startup", 2);
        Assert.That(startups.Select(m => m.Event), Is.EqualTo(new[] { "StartupRegistered", "StartupProfileUpdated" }));
        var (streams, _) = await SseClient.ReadAsync(_http, "/api/feed?streams=investor-,mentor-", 2);
        Assert.That(streams.Select(m => m.Id), Is.EqualTo(new long[] { 4, 5 }));
    }

    [Test]
    public async Task A_live_event_arrives_after_the_history()
    {
        var reading = SseClient.ReadAsync(_http, "/api/feed?from=end&streams=training-live", 1);
        await Task.Delay(500); // let the feed reach its live wait; an event appended earlier is delivered all the same
        await using (var store = await new EventStoreLocation(EventStoreLocation.Sqlite, _path).OpenAsync())
            await Append(store, "training-live", new TrainingRecorded("live", "Live", "Sở KH&CN", "20", Day, Day, "all", Figure.Exact(1), Day, "demo"));
        var (messages, _) = await reading;
        Assert.That(messages.Single().Envelope.GetProperty("subject").GetString(), Is.EqualTo("training-live"));
    }

    [Test]
    public async Task A_bad_position_is_a_400_naming_the_parameter()
    {
        using var response = await _http.GetAsync("/api/feed?from=yesterday");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("errors").GetProperty("from")[0].GetString(), Does.Contain("not a log position"));
    }

    [Test]
    public async Task A_position_beyond_the_head_is_a_400_naming_the_parameter_and_the_head()
    {
        var head = await HeadAsync();
        using var response = await _http.GetAsync($"/api/feed?from={head + 1}");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed");
        request.Headers.Add("Last-Event-ID", "99999999");
        using var resumed = await _http.SendAsync(request);

        Assert.That((response.StatusCode, resumed.StatusCode), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest)));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("errors").GetProperty("from")[0].GetString(), Does.Contain($"beyond the last position this registry has recorded ({head})"));
        var resumeProblem = JsonDocument.Parse(await resumed.Content.ReadAsStringAsync()).RootElement;
        Assert.That(resumeProblem.GetProperty("errors").GetProperty("Last-Event-ID")[0].GetString(), Does.Contain("99999999 is beyond"));
    }

    [Test]
    public async Task The_head_itself_is_a_valid_position_to_resume_from()
    {
        var head = await HeadAsync();
        var reading = SseClient.ReadAsync(_http, $"/api/feed?from={head}&streams=training-after-head", 1);
        await Task.Delay(500);
        await using (var store = await new EventStoreLocation(EventStoreLocation.Sqlite, _path).OpenAsync())
            await Append(store, "training-after-head", new TrainingRecorded("after", "After", "Sở KH&CN", "20", Day, Day, "all", Figure.Exact(1), Day, "demo"));
        var (messages, _) = await reading;
        Assert.That(messages.Single().Id, Is.EqualTo(head + 1));
    }

    private async Task<long> HeadAsync()
    {
        await using var store = await new EventStoreLocation(EventStoreLocation.Sqlite, _path).OpenAsync();
        return await store.GetHeadPositionAsync();
    }
}
