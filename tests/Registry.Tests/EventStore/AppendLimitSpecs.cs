using System.Text;
using Registry.EventStore;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.EventStore;

public sealed class AppendLimitSpecs(string kind) : EventLogFixture(kind)
{
    private const int MiB = 1024 * 1024;

    [SetUp]
    public async Task AnExistingStream() => await Store.AppendAsync("startup-1", ExpectedRevision.NoStream, [Event()]);

    private async Task AssertRefused(string field, string stream, params EventData[] events)
    {
        var before = await LogState("startup-1");

        var error = Assert.ThrowsAsync<InvalidAppendException>(() => Store.AppendAsync(stream, ExpectedRevision.Any, events));

        Assert.That(error!.Field, Is.EqualTo(field));
        Assert.That(error.Message, Does.StartWith(field + ": "));
        Assert.That(await LogState("startup-1"), Is.EqualTo(before));
    }

    /// <summary>A JSON string value of exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string JsonOfSize(int bytes) => "\"" + new string('a', bytes - 2) + "\"";

    [Test]
    public async Task Given_event_data_over_1_MiB_when_appending_then_it_is_refused_naming_the_data_and_nothing_is_written() =>
        await AssertRefused("events[1].data", "startup-1", Event(), Event(json: JsonOfSize(MiB + 1)));

    [Test]
    public async Task Given_event_data_of_exactly_1_MiB_when_appending_then_it_is_written()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, [Event(json: JsonOfSize(MiB))]);

        Assert.That((await ReadStream("startup-1", from: 1)).Single().Data, Has.Length.EqualTo(MiB));
    }

    [Test]
    public async Task Given_a_configured_size_limit_when_data_exceeds_it_then_it_is_refused_and_data_within_it_is_written()
    {
        await using var small = await StoreKind.OpenNewAsync(Kind, new AppendLimits { MaxEventBytes = 100 });

        var error = Assert.ThrowsAsync<InvalidAppendException>(() => small.AppendAsync("startup-1", ExpectedRevision.Any, [Event(json: JsonOfSize(101))]));
        await small.AppendAsync("startup-1", ExpectedRevision.Any, [Event(json: JsonOfSize(100))]);

        Assert.That(error!.Field, Is.EqualTo("events[0].data"));
        Assert.That(await small.GetHeadPositionAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Given_metadata_over_the_limit_when_appending_then_it_is_refused_naming_the_metadata() =>
        await AssertRefused("events[0].metadata", "startup-1", Event(meta: JsonOfSize(MiB + 1)));

    [TestCase("", TestName = "empty type")]
    [TestCase("  ", TestName = "blank type")]
    public async Task Given_an_empty_event_type_when_appending_then_it_is_refused_naming_the_type(string type) =>
        await AssertRefused("events[1].type", "startup-1", Event(), Event(type: type));

    [TestCase("{\"name\":", TestName = "truncated object")]
    [TestCase("not json", TestName = "plain text")]
    [TestCase("{\"a\":1} {\"b\":2}", TestName = "two values")]
    [TestCase("", TestName = "empty data")]
    [TestCase("{'a':1}", TestName = "single quotes")]
    public async Task Given_data_that_is_not_valid_json_when_appending_then_it_is_refused_naming_the_data(string json) =>
        await AssertRefused("events[0].data", "startup-1", Event(json: json));

    [Test]
    public async Task Given_metadata_that_is_not_valid_json_when_appending_then_it_is_refused_naming_the_metadata() =>
        await AssertRefused("events[0].metadata", "startup-1", Event(meta: "{source:test}"));

    [Test]
    public async Task Given_data_that_is_not_utf8_when_appending_then_it_is_refused_naming_the_data() =>
        await AssertRefused("events[0].data", "startup-1", Event() with { Data = new byte[] { 0x22, 0xC3, 0x28, 0x22 } });

    [TestCase("{\"name\":\"a\\ud800b\"}", TestName = "lone high surrogate in a value")]
    [TestCase("{\"name\":\"a\\udc00\"}", TestName = "lone low surrogate in a value")]
    [TestCase("{\"a\\ud800\":1}", TestName = "lone surrogate in a property name")]
    [TestCase("[\"\\udc00\\ud800\"]", TestName = "surrogates in the wrong order")]
    public async Task Given_data_with_an_unpaired_surrogate_escape_when_appending_then_it_is_refused_naming_the_data(string json) =>
        await AssertRefused("events[0].data", "startup-1", Event(json: json));

    [Test]
    public async Task Given_data_with_a_paired_surrogate_escape_when_appending_then_it_is_written()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, [Event(json: "{\"emoji\":\"\\ud83d\\ude80\"}")]);
        Assert.That(Encoding.UTF8.GetString((await ReadStream("startup-1", from: 1)).Single().Data), Is.EqualTo("{\"emoji\":\"\\ud83d\\ude80\"}"));
    }

    [Test]
    public async Task Given_more_than_10000_events_in_one_append_when_appending_then_it_is_refused_naming_the_events() =>
        await AssertRefused("events", "startup-1", Events(10_001));

    [Test]
    public async Task Given_exactly_10000_events_in_one_append_when_appending_then_all_are_written()
    {
        var result = await Store.AppendAsync("startup-1", ExpectedRevision.Any, Events(10_000));

        Assert.That((result.FirstPosition, result.LastPosition, result.NextExpectedRevision), Is.EqualTo((2L, 10_001L, 10_000L)));
    }

    [Test]
    public async Task Given_no_events_when_appending_then_it_is_refused_naming_the_events() =>
        await AssertRefused("events", "startup-1");

    [Test]
    public async Task Given_an_empty_event_id_when_appending_then_it_is_refused_naming_the_id() =>
        await AssertRefused("events[0].id", "startup-1", Event(id: Guid.Empty));

    [Test]
    public async Task Given_an_empty_or_malformed_stream_name_when_appending_then_it_is_refused_naming_the_stream()
    {
        await AssertRefused("stream", "", Event());
        await AssertRefused("stream", "startup", Event());
    }

    [Test]
    public void Given_a_negative_exact_revision_then_it_cannot_be_built() =>
        Assert.That(() => ExpectedRevision.Exact(-3), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("revision"));

    [Test]
    public async Task Given_valid_json_of_any_kind_of_value_when_appending_then_it_is_written()
    {
        await Store.AppendAsync("startup-1", ExpectedRevision.Any, [Event(json: "42"), Event(json: "[1,2]"), Event(json: "\"Đổi mới sáng tạo\""), Event(json: "null")]);

        Assert.That((await ReadStream("startup-1", from: 1)).Select(e => Encoding.UTF8.GetString(e.Data)),
            Is.EqualTo(new[] { "42", "[1,2]", "\"Đổi mới sáng tạo\"", "null" }));
    }
}
