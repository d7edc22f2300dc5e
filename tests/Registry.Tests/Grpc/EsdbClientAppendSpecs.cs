using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.Contracts.Provinces;
using Registry.Contracts.Startups;
using Registry.EventStore;
using Registry.EventStore.Sqlite;
using Registry.Tests.Infrastructure;
using Registry.Write.Access;
using Registry.Write.Pipeline;

namespace Registry.Tests.Grpc;

/// <summary>
/// The official Node clients (EventStoreDB's and KurrentDB's, <see cref="NodeEsdbClient.Packages"/>) append to a real
/// <c>registry serve</c> over TLS (a certificate the test makes, its authority trusted through tlsCAFile), with API keys
/// issued as the registry issues them, given as basic credentials.
/// An appended event is recorded through the write side: the command with its fields runs, with every rule.
/// The map holds Lạng Sơn (20) and Huế (46); the editor's key is for Lạng Sơn.
/// </summary>
[TestFixtureSource(typeof(NodeEsdbClient), nameof(NodeEsdbClient.Packages)), NonParallelizable]
public sealed class EsdbClientAppendSpecs(string package)
{
    private static readonly DateOnly On = new(2024, 5, 1);
    private readonly SharedLog _log = new();
    private readonly TestCertificate _certificate = TestCertificate.Create();
    private RegistryServer _server = null!;
    private IssuedKey _admin = null!, _editor = null!, _partner = null!;

    [OneTimeSetUp]
    public async Task StartRegistry()
    {
        await using (var store = await SqliteEventStore.OpenAsync(_log.Path))
        {
            _admin = await ApiKeys.IssueAsync(store, Role.Admin, [], TimeProvider.System, CancellationToken.None);
            _editor = await ApiKeys.IssueAsync(store, Role.ProvinceEditor, ["20"], TimeProvider.System, CancellationToken.None);
            _partner = await ApiKeys.IssueAsync(store, Role.Partner, [], TimeProvider.System, CancellationToken.None);
            await using var services = WriteSide.CreateProvider(store);
            var sender = services.GetRequiredService<CommandSender>();
            foreach (var (code, name) in new[] { ("20", "Lạng Sơn"), ("46", "Thừa Thiên Huế") })
            {
                var outcome = await sender.SendAsync(new RegisterProvince(code, name, ProvinceKind.Province, "North", new DateOnly(2008, 8, 1),
                    new DateOnly(2008, 8, 1), "GSO"), Guid.NewGuid(), Principal.Admin("setup"), CancellationToken.None);
                Assert.That(outcome.Succeeded, outcome.Error?.Detail);
            }
        }
        _server = await RegistryServer.StartAsync(_log.Path, "--tls-cert", _certificate.CertificatePath, "--tls-key", _certificate.KeyPath);
    }

    [OneTimeTearDown]
    public async Task StopRegistry() => await _server.DisposeAsync();

    private NodeEsdbClient As(IssuedKey key) =>
        new(package, _certificate.Connection(_server.GrpcPort, key.KeyId, key.PresentedKey[(key.KeyId.Length + 1)..]));

    private static StartupRegistered Registered(string id, string province = "20") =>
        new(id, "Sao Mai", province, ["agritech"], StartupStage.Project, null, [new Founder("Nguyễn Văn A")], null, null, On, "Sở KH&CN");

    private static object Append(string stream, object expectedRevision, IRegistryEvent fact, Guid? id = null) =>
        Append(stream, expectedRevision, [fact], id);

    private static object Append(string stream, object expectedRevision, IRegistryEvent[] facts, Guid? id = null) => new
    {
        stream,
        expectedRevision,
        events = facts.Select(f => new
        {
            id = (id ?? Guid.NewGuid()).ToString(),
            type = f.GetType().Name,
            data = JsonSerializer.SerializeToElement(f, f.GetType(), RegistryJson.Options),
        }).ToArray(),
    };

    private async Task<long?> RevisionOf(string stream)
    {
        await using var store = await SqliteEventStore.OpenAsync(_log.Path);
        return await store.GetStreamRevisionAsync(stream);
    }

    private async Task<List<RecordedEvent>> Read(string stream)
    {
        await using var store = await SqliteEventStore.OpenAsync(_log.Path);
        return await store.ReadStreamAsync(stream, Direction.Forwards, 0, 100).ToListAsync();
    }

    [Test]
    public async Task Each_kind_of_expected_revision_records_the_fact_and_answers_the_next_revision_and_position()
    {
        var admin = As(_admin);

        var noStream = await admin.RunAsync("append", Append("startup-g1", "no_stream", Registered("g1")));
        var any = await admin.RunAsync("append", Append("startup-g1", "any",
            new StartupProfileUpdated("g1", null, null, StartupStage.Company, null, null, null, On, "Sở KH&CN")));
        var exists = await admin.RunAsync("append", Append("startup-g1", "stream_exists",
            new StartupProfileUpdated("g1", null, null, null, null, "Nông nghiệp số", null, On, "Sở KH&CN")));
        var exact = await admin.RunAsync("append", Append("startup-g1", 2, new StartupClosed("g1", "dissolved", On, "Sở KH&CN")));

        Assert.That(new[] { noStream, any, exists, exact }.Select(r => r[0].Kind()), Is.All.EqualTo("appended"), string.Join(" ", exact));
        Assert.That(new[] { noStream, any, exists, exact }.Select(r => r[0].Number("nextExpectedRevision")), Is.EqualTo(new[] { 0, 1, 2, 3 }));
        var stored = await Read("startup-g1");
        Assert.That(stored.Select(e => e.EventType), Is.EqualTo(new[] { "StartupRegistered", "StartupProfileUpdated", "StartupProfileUpdated", "StartupClosed" }));
        Assert.That(exact[0].Number("position"), Is.EqualTo(stored[^1].Position), "an append answers the position of the fact it recorded");
        Assert.That(JsonDocument.Parse(stored[0].Metadata).RootElement.GetProperty("principal").GetString(), Is.EqualTo(_admin.KeyId),
            "the write side records who sent the fact");
    }

    [Test]
    public async Task An_admin_records_the_provincial_map_and_a_province_editor_may_not()
    {
        var fact = new ProvinceRegistered("27", "Bắc Ninh", ProvinceKind.Province, "Red River Delta", new DateOnly(2008, 8, 1), new DateOnly(2008, 8, 1), "GSO");

        var editor = await As(_editor).RunAsync("append", Append(StreamNames.ProvinceMap, "any", fact));
        var admin = await As(_admin).RunAsync("append", Append(StreamNames.ProvinceMap, "stream_exists", fact));

        Assert.That(editor[0].Text("name"), Is.EqualTo("AccessDeniedError"), editor[0].ToString());
        Assert.That(admin[0].Kind(), Is.EqualTo("appended"), admin[0].ToString());
        Assert.That((await Read(StreamNames.ProvinceMap)).Count(e => e.EventType == "ProvinceRegistered"), Is.EqualTo(3));
    }

    [Test]
    public async Task A_wrong_expected_revision_is_the_clients_wrong_expected_version_error_and_writes_nothing()
    {
        var admin = As(_admin);
        await admin.RunAsync("append", Append("startup-g2", "no_stream", Registered("g2")));
        var update = new StartupProfileUpdated("g2", "Sao Mai Xanh", null, null, null, null, null, On, "Sở KH&CN");

        var exact = await admin.RunAsync("append", Append("startup-g2", 5, update));
        var noStream = await admin.RunAsync("append", Append("startup-g2", "no_stream", update));
        var exists = await admin.RunAsync("append", Append("startup-g9", "stream_exists", Registered("g9")));

        Assert.That(exact[0].Text("name"), Is.EqualTo("WrongExpectedVersionError"), exact[0].ToString());
        Assert.That((exact[0].Text("expectedVersion"), exact[0].Text("actualVersion")), Is.EqualTo(("5", "0")));
        Assert.That(noStream[0].Text("name"), Is.EqualTo("WrongExpectedVersionError"));
        Assert.That(exists[0].Text("name"), Is.EqualTo("WrongExpectedVersionError"));
        Assert.That(await RevisionOf("startup-g2"), Is.EqualTo(0));
        Assert.That(await RevisionOf("startup-g9"), Is.Null);
    }

    [Test]
    public async Task A_retried_append_with_the_same_event_id_is_answered_as_the_first_time_and_writes_nothing_more()
    {
        var id = Guid.NewGuid();
        var first = await As(_admin).RunAsync("append", Append("startup-g3", "no_stream", Registered("g3"), id));
        var retry = await As(_admin).RunAsync("append", Append("startup-g3", "no_stream", Registered("g3"), id));

        Assert.That(retry[0].Kind(), Is.EqualTo("appended"), retry[0].ToString());
        Assert.That(retry[0].Number("position"), Is.EqualTo(first[0].Number("position")));
        Assert.That(await RevisionOf("startup-g3"), Is.EqualTo(0));
    }

    [Test]
    public async Task A_fact_that_breaks_a_rule_is_refused_with_the_deciders_reason_and_nothing_is_written()
    {
        await As(_admin).RunAsync("append", Append("startup-g4", "no_stream", Registered("g4")));

        var again = await As(_admin).RunAsync("append", Append("startup-g4", "any", Registered("g4")));

        Assert.That(again[0].Kind(), Is.EqualTo("error"));
        Assert.That(again[0].Text("message"), Does.Contain("FAILED_PRECONDITION").And.Contain("startup 'g4' is already registered"));
        Assert.That(await RevisionOf("startup-g4"), Is.EqualTo(0));
    }

    [Test]
    public async Task Invalid_fields_are_refused_each_named()
    {
        var lines = await As(_admin).RunAsync("append", Append("startup-g5", "any", Registered("g5", province: "99") with { Sectors = ["a", "a"] }));

        Assert.That(lines[0].Text("message"), Does.Contain("INVALID_ARGUMENT").And.Contain("sectors").And.Contain("provinceCode"));
        Assert.That(await RevisionOf("startup-g5"), Is.Null);
    }

    [Test]
    public async Task A_province_editor_records_facts_of_its_province_and_is_refused_another_provinces()
    {
        var own = await As(_editor).RunAsync("append", Append("startup-g6", "no_stream", Registered("g6", province: "20")));
        var other = await As(_editor).RunAsync("append", Append("startup-g7", "no_stream", Registered("g7", province: "46")));

        Assert.That(own[0].Kind(), Is.EqualTo("appended"), own[0].ToString());
        Assert.That(other[0].Text("name"), Is.EqualTo("AccessDeniedError"), other[0].ToString());
        Assert.That(other[0].Text("message"), Does.Contain("46"));
        Assert.That(await RevisionOf("startup-g7"), Is.Null);
    }

    [Test]
    public async Task A_partner_key_reads_over_TLS_but_may_not_append()
    {
        await As(_admin).RunAsync("append", Append("startup-g8", "no_stream", Registered("g8")));
        var partner = As(_partner);

        var read = await partner.RunAsync("readStream", new { stream = "startup-g8", direction = "forwards" });
        var append = await partner.RunAsync("append", Append("startup-g10", "any", Registered("g10")));

        Assert.That(read.Events().Select(e => e.Text("type")), Is.EqualTo(new[] { "StartupRegistered" }));
        Assert.That(append[0].Text("name"), Is.EqualTo("AccessDeniedError"));
        Assert.That(append[0].Text("message"), Does.Contain("partner role may read but not append"));
        Assert.That(await RevisionOf("startup-g10"), Is.Null);
    }

    [Test]
    public async Task An_event_type_outside_the_catalogue_is_refused_with_the_reason()
    {
        var lines = await As(_admin).RunAsync("append", new
        {
            stream = "startup-g11", expectedRevision = "any",
            events = new[] { new { type = "StartupDeletedByHand", data = new { startupId = "g11" } } },
        });

        Assert.That(lines[0].Text("message"), Does.Contain("'StartupDeletedByHand' is not in the registry's event catalogue"));
        Assert.That(await RevisionOf("startup-g11"), Is.Null);
    }

    [Test]
    public async Task A_plan_numbers_claim_is_refused_on_its_own_with_the_reason()
    {
        var lines = await As(_admin).RunAsync("append", new
        {
            stream = "plan-g12", expectedRevision = "any",
            events = new[] { new { type = "PlanNumberClaimed", data = new { provinceCode = "20", number = "9/KH-UBND", planId = "g12", occurredOn = "2021-03-15", source = "s" } } },
        });

        Assert.That(lines[0].Text("message"), Does.Contain("'PlanNumberClaimed' is written by AdoptProvincialPlan together with the fact that claims it"));
        Assert.That(await RevisionOf("plan-g12"), Is.Null);
    }

    [TestCase(1_500_000)] // above EventStoreDB's default maximum append size (1 MiB)
    [TestCase(5_000_000)] // and above gRPC's default message size (4 MB), which must not be the limit a client meets
    public async Task An_event_larger_than_the_maximum_append_size_is_refused_as_EventStoreDB_refuses_it(int descriptionLength)
    {
        var id = $"big{descriptionLength}";
        var lines = await As(_admin).RunAsync("append", new
        {
            stream = $"startup-{id}", expectedRevision = "any",
            events = new[] { new { id = Guid.NewGuid().ToString(), type = "StartupRegistered", descriptionLength,
                data = JsonSerializer.SerializeToElement(Registered(id), RegistryJson.Options) } },
        });

        Assert.That((lines[0].Text("kind"), lines[0].Text("type")), Is.EqualTo(("error", "maximum-append-size-exceeded")), lines[0].ToString());
        Assert.That(lines[0].Text("message"), Does.Contain("1048576"));
        Assert.That(await RevisionOf($"startup-{id}"), Is.Null);
    }

    [TestCase("deleteStream", "cannot be deleted: the registry's history is append-only")]
    [TestCase("tombstoneStream", "cannot be tombstoned: the registry's history is append-only")]
    [TestCase("setStreamMetadata", "the registry keeps none, and no stream metadata")]
    public async Task Deleting_a_stream_or_setting_its_metadata_is_refused_as_access_denied_with_the_reason(string call, string says)
    {
        await As(_admin).RunAsync("append", Append("startup-g20", "no_stream", Registered("g20")));

        var lines = await As(_admin).RunAsync(call, new { stream = "startup-g20", metadata = new { maxAge = 60 } });

        Assert.That((lines[0].Text("kind"), lines[0].Text("type")), Is.EqualTo(("error", "access-denied")), lines[0].ToString());
        Assert.That(lines[0].Text("message"), Does.Contain(says));
        Assert.That(await RevisionOf("startup-g20"), Is.EqualTo(0));
    }

    [Test]
    public async Task An_append_of_several_facts_is_refused_one_fact_per_append()
    {
        var lines = await As(_admin).RunAsync("append", Append("startup-g12", "any",
            [Registered("g12"), new StartupClosed("g12", "dissolved", On, "Sở KH&CN")]));

        Assert.That(lines[0].Text("message"), Does.Contain("one fact per append"));
        Assert.That(await RevisionOf("startup-g12"), Is.Null);
    }

    [Test]
    public async Task A_fact_appended_to_another_stream_than_its_own_is_refused_naming_its_stream()
    {
        await As(_admin).RunAsync("append", Append("startup-g13", "no_stream", Registered("g13")));
        var registered = (await Read("startup-g13"))[0];

        var startup = await As(_admin).RunAsync("append", Append("startup-elsewhere", "any", Registered("g14")));
        var retraction = await As(_admin).RunAsync("append", Append("startup-g14", "any",
            new FactRetracted(registered.EventId, "StartupRegistered", "entered twice", On, "Sở KH&CN")));
        var retracted = await As(_admin).RunAsync("append", Append("startup-g13", 0,
            new FactRetracted(registered.EventId, "StartupRegistered", "entered twice", On, "Sở KH&CN")));

        Assert.That(startup[0].Text("message"), Does.Contain("belongs to stream 'startup-g14'"));
        Assert.That(retraction[0].Text("message"), Does.Contain("belongs to stream 'startup-g13'"));
        Assert.That(retracted[0].Number("nextExpectedRevision"), Is.EqualTo(1), retracted[0].ToString());
        Assert.That(await RevisionOf("startup-elsewhere"), Is.Null);
    }

    [Test]
    public async Task Without_credentials_TLS_calls_are_refused()
    {
        var anonymous = new NodeEsdbClient(package, _certificate.Connection(_server.GrpcPort));
        var lines = await anonymous.RunAsync("readAll", new { direction = "forwards" });
        Assert.That(lines[0].Text("name"), Is.EqualTo("AccessDeniedError"), lines[0].ToString());
        // KurrentDB's client reads through its native client, which keeps the kind of the error but not the server's message.
        if (package == NodeEsdbClient.EventStoreDb) Assert.That(lines[0].Text("message"), Does.Contain("basic credentials"));
    }
}
