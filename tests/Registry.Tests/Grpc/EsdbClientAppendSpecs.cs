using Registry.EventStore;
using Registry.Host.Grpc;
using Registry.Host.Grpc.Access;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Grpc;

/// <summary>
/// The official EventStoreDB Node client appends over TLS (a certificate the test makes, trusted through tlsCAFile)
/// with basic credentials mapped to API keys. Keys and the event catalogue are stand-ins until issue 3 lands:
/// editor-key is a province editor, partner-key a partner; the catalogue knows StartupRegistered and StartupRenamed.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class EsdbClientAppendSpecs
{
    private SqlEventStore _store = null!;
    private TestCertificate _certificate = null!;
    private InProcessRegistry _registry = null!;

    [OneTimeSetUp]
    public async Task StartRegistry()
    {
        _store = await StoreKind.OpenNewAsync(StoreKind.Sqlite);
        _certificate = TestCertificate.Create();
        _registry = await InProcessRegistry.StartAsync(_store, _certificate,
            new StandInApiKeys(("editor-key", "s3cret", GrpcCaller.ProvinceEditor), ("partner-key", "p4ss", GrpcCaller.Partner)),
            new EventCatalogueAppendValidator(new HashSet<string> { "StartupRegistered", "StartupRenamed" }));
    }

    [OneTimeTearDown]
    public async Task StopRegistry()
    {
        await _registry.DisposeAsync();
        await _store.DisposeAsync();
    }

    private NodeEsdbClient Editor => new(_certificate.Connection(_registry.GrpcPort, "editor-key", "s3cret"));

    private static object Append(string stream, object expectedRevision, params string[] types) => new
    {
        stream,
        expectedRevision,
        events = types.Select(type => new { type, data = new { name = "Sao Mai" }, metadata = new { by = "editor" } }).ToArray(),
    };

    [Test]
    public async Task Each_kind_of_expected_revision_appends_and_answers_the_next_revision_and_position()
    {
        var noStream = await Editor.RunAsync("append", Append("startup-k1", "no_stream", "StartupRegistered"));
        var any = await Editor.RunAsync("append", Append("startup-k1", "any", "StartupRenamed"));
        var exists = await Editor.RunAsync("append", Append("startup-k1", "stream_exists", "StartupRenamed"));
        var exact = await Editor.RunAsync("append", Append("startup-k1", 2, "StartupRenamed", "StartupRenamed"));

        Assert.That(new[] { noStream, any, exists, exact }.Select(r => r[0].Number("nextExpectedRevision")), Is.EqualTo(new[] { 0, 1, 2, 4 }));
        var head = await _store.GetHeadPositionAsync();
        Assert.That(exact[0].Number("position"), Is.EqualTo(head), "an append's position is that of its last event");
        var stored = await _store.ReadStreamAsync("startup-k1", Direction.Forwards, 0, 10).ToListAsync();
        Assert.That(stored.Select(e => e.EventType), Is.EqualTo(new[] { "StartupRegistered", "StartupRenamed", "StartupRenamed", "StartupRenamed", "StartupRenamed" }));
        Assert.That(System.Text.Encoding.UTF8.GetString(stored[0].Metadata), Does.Contain("\"by\":\"editor\""), "custom metadata is the event's metadata");
    }

    [Test]
    public async Task A_wrong_expected_revision_is_the_clients_wrong_expected_version_error_and_writes_nothing()
    {
        await Editor.RunAsync("append", Append("startup-k2", "no_stream", "StartupRegistered", "StartupRenamed"));

        var exact = await Editor.RunAsync("append", Append("startup-k2", 0, "StartupRenamed"));
        var noStream = await Editor.RunAsync("append", Append("startup-k2", "no_stream", "StartupRenamed"));
        var exists = await Editor.RunAsync("append", Append("startup-k9", "stream_exists", "StartupRenamed"));

        Assert.That(exact[0].Text("name"), Is.EqualTo("WrongExpectedVersionError"), exact[0].ToString());
        Assert.That((exact[0].Text("expectedVersion"), exact[0].Text("actualVersion")), Is.EqualTo(("0", "1")));
        Assert.That(noStream[0].Text("name"), Is.EqualTo("WrongExpectedVersionError"));
        Assert.That(exists[0].Text("name"), Is.EqualTo("WrongExpectedVersionError"));
        Assert.That(await _store.GetStreamRevisionAsync("startup-k2"), Is.EqualTo(1));
        Assert.That(await _store.GetStreamRevisionAsync("startup-k9"), Is.Null);
    }

    [Test]
    public async Task An_event_type_outside_the_catalogue_is_refused_with_the_reason()
    {
        var lines = await Editor.RunAsync("append", Append("startup-k3", "any", "StartupDeletedByHand"));

        Assert.That(lines[0].Kind(), Is.EqualTo("error"));
        Assert.That(lines[0].Text("message"), Does.Contain("StartupDeletedByHand").And.Contain("event catalogue"));
        Assert.That(await _store.GetStreamRevisionAsync("startup-k3"), Is.Null);
    }

    [Test]
    public async Task A_partner_key_reads_over_TLS_but_may_not_append()
    {
        await Editor.RunAsync("append", Append("startup-k4", "any", "StartupRegistered"));
        var partner = new NodeEsdbClient(_certificate.Connection(_registry.GrpcPort, "partner-key", "p4ss"));

        var read = await partner.RunAsync("readStream", new { stream = "startup-k4", direction = "forwards" });
        var append = await partner.RunAsync("append", Append("startup-k4", "any", "StartupRenamed"));

        Assert.That(read.Places(), Has.Length.EqualTo(1));
        Assert.That(append[0].Text("name"), Is.EqualTo("AccessDeniedError"));
    }

    [Test]
    public async Task Without_credentials_TLS_calls_are_refused()
    {
        var anonymous = new NodeEsdbClient(_certificate.Connection(_registry.GrpcPort));
        var lines = await anonymous.RunAsync("readAll", new { direction = "forwards" });
        Assert.That(lines[0].Kind(), Is.EqualTo("error"));
        Assert.That(lines[0].Text("message"), Does.Contain("No valid API key"));
    }
}
