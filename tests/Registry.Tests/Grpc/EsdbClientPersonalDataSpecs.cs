using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Organizations;
using Registry.Contracts.Startups;
using Registry.EventStore;
using Registry.EventStore.Sqlite;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Grpc;

/// <summary>Given facts that carry personal data, when a partner reads them with the official client, then none of it arrives.</summary>
[TestFixtureSource(typeof(NodeEsdbClient), nameof(NodeEsdbClient.Packages)), NonParallelizable]
public sealed class EsdbClientPersonalDataSpecs(string package)
{
    private static readonly DateOnly Day = new(2024, 3, 1);
    private RegistryServer _server = null!;
    private NodeEsdbClient _client = null!;

    [OneTimeSetUp]
    public async Task StartRegistry()
    {
        var log = new SharedLog();
        await using (var store = await SqliteEventStore.OpenAsync(log.Path))
        {
            await Append(store, "startup-lua", new StartupRegistered("lua", "Lúa Vàng", "20", ["agritech"], StartupStage.Company, null,
                [new Founder("Đỗ Thị Riêng Tư", "CEO", "0911222333", "riengtu@example.vn", "020304050607")], null, null, Day, "demo"));
            await Append(store, "mentor-cv", new MentorRegistered("cv", "Vũ Cố Vấn Riêng", ["fintech"], "01", null, "cvr@example.vn", "0933444555", Day, "demo"));
            await store.AppendAsync("apikey-k9", ExpectedRevision.Any,
                [new EventData(Guid.NewGuid(), "ApiKeyIssued", """{"keyId":"k9","secretHash":"ab"}"""u8.ToArray(), "{}"u8.ToArray())]);
        }
        _server = await RegistryServer.StartAsync(log.Path);
        _client = new NodeEsdbClient(package, _server.PlaintextConnection);
    }

    [OneTimeTearDown]
    public async Task StopRegistry() => await _server.DisposeAsync();

    private static Task Append(IEventStore store, string stream, object fact) => store.AppendAsync(stream, ExpectedRevision.Any,
        [new EventData(Guid.NewGuid(), fact.GetType().Name, JsonSerializer.SerializeToUtf8Bytes(fact, fact.GetType(), RegistryJson.Options), "{}"u8.ToArray())]);

    [Test]
    public async Task ReadAll_carries_the_facts_without_names_phones_emails_or_id_numbers_and_without_api_keys()
    {
        var lines = await _client.RunAsync("readAll", new { direction = "forwards" });
        var text = string.Join("\n", lines.Select(l => l.GetRawText()));
        Assert.That(text, Does.Contain("Lúa Vàng").Or.Contain(JsonEncodedText.Encode("Lúa Vàng").ToString()), "the fact itself arrives");
        foreach (var secret in new[] { "Riêng Tư", "0911222333", "riengtu@example.vn", "020304050607", "Cố Vấn Riêng", "cvr@example.vn", "0933444555" })
            Assert.That(text, Does.Not.Contain(secret).And.Not.Contain(JsonEncodedText.Encode(secret).ToString()), secret);
        Assert.That(text, Does.Not.Contain("ApiKeyIssued"));
    }

    [Test]
    public async Task An_api_key_stream_reads_as_not_found()
    {
        var lines = await _client.RunAsync("readStream", new { stream = "apikey-k9", direction = "forwards" });
        Assert.That(string.Join("\n", lines.Select(l => l.GetRawText())), Does.Contain("StreamNotFound").IgnoreCase);
    }
}
