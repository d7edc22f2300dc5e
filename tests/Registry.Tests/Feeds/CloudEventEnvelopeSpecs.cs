using System.Buffers;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Registry.Contracts.Common;
using Registry.Contracts.Startups;
using Registry.EventStore;
using Registry.Host.Feeds;

namespace Registry.Tests.Feeds;

/// <summary>The feed's envelope, written straight to bytes, is the CloudEvent that CloudNative.CloudEvents' JSON formatter reads.</summary>
public sealed class CloudEventEnvelopeSpecs
{
    private static readonly CloudEventAttribute[] Extensions =
    [
        CloudEventAttribute.CreateExtension(CloudEventEnvelope.PositionAttribute, CloudEventAttributeType.String),
        CloudEventAttribute.CreateExtension(CloudEventEnvelope.RevisionAttribute, CloudEventAttributeType.String),
    ];

    private static readonly StartupRegistered Fact = new("hoa-sen", "Hoa Sen \"Tech\" Đổi mới", "20", ["agritech"], StartupStage.Project, null,
        [new Founder("Nguyễn Văn Giả", "CEO", "0912345678", "gia@example.vn", "001099012345")], "Nông nghiệp số", null, new DateOnly(2023, 5, 4), "demo");

    private static RecordedEvent Recorded(byte[] data) => new(5_000_000_000L, "startup-hoa sen/1", 3_000_000_000L, Guid.NewGuid(),
        nameof(StartupRegistered), data, "{}"u8.ToArray(), new DateTimeOffset(2026, 11, 22, 17, 45, 32, 123, 456, TimeSpan.Zero), []);

    private static (byte[] Bytes, CloudEvent Decoded) Envelope(RecordedEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer)) CloudEventEnvelope.Write(json, e);
        var bytes = buffer.WrittenSpan.ToArray();
        return (bytes, new JsonEventFormatter().DecodeStructuredModeMessage(bytes, new ContentType("application/cloudevents+json"), Extensions));
    }

    [Test]
    public void Every_attribute_reads_back_and_the_data_is_the_partner_view()
    {
        var e = Recorded(JsonSerializer.SerializeToUtf8Bytes(Fact, RegistryJson.Options));

        var (bytes, decoded) = Envelope(e);

        Assert.That(decoded.SpecVersion, Is.EqualTo(CloudEventsSpecVersion.V1_0));
        Assert.That((decoded.Id, decoded.Type, decoded.Subject), Is.EqualTo((e.EventId.ToString(), "StartupRegistered", "startup-hoa sen/1")));
        Assert.That(decoded.Source, Is.EqualTo(new Uri("/registry/startup-hoa%20sen%2F1", UriKind.Relative)));
        Assert.That(decoded.Time, Is.EqualTo(e.Recorded));
        Assert.That(decoded.DataContentType, Is.EqualTo("application/json"));
        Assert.That((decoded[Extensions[0]], decoded[Extensions[1]]), Is.EqualTo(("5000000000", "3000000000")), "beyond 32 bits, as strings");
        var data = JsonNode.Parse(((JsonElement)decoded.Data!).GetRawText())!;
        Assert.That(JsonNode.DeepEquals(data, JsonNode.Parse(PartnerView.Data(e))), Is.True, data.ToJsonString());
        Assert.That(data["name"]!.GetValue<string>(), Is.EqualTo(Fact.Name));
        var text = Encoding.UTF8.GetString(bytes);
        foreach (var secret in new[] { "Giả", "0912345678", "gia@example.vn", "001099012345" })
            Assert.That(text, Does.Not.Contain(secret).And.Not.Contain(JsonEncodedText.Encode(secret).ToString()), secret);
    }

    [Test]
    public void Data_stored_over_several_lines_is_written_on_one_line_unchanged()
    {
        var e = Recorded("{\n  \"trainingId\": \"t1\",\r\n  \"title\": \"a\\nb\"\n}"u8.ToArray()) with { EventType = "TrainingRecorded" };

        var (bytes, decoded) = Envelope(e);

        Assert.That(bytes, Does.Not.Contain((byte)'\n').And.Not.Contain((byte)'\r'), "an SSE data field is one line");
        Assert.That(((JsonElement)decoded.Data!).GetProperty("title").GetString(), Is.EqualTo("a\nb"));
    }

    [Test]
    public void Data_that_is_not_JSON_is_refused_rather_than_sent_broken() =>
        Assert.That(() => Envelope(Recorded("{\"a\":"u8.ToArray()) with { EventType = "TrainingRecorded" }), Throws.InstanceOf<JsonException>());
}
