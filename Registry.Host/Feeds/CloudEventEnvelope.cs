using System.Buffers.Text;
using System.Text.Json;
using Registry.EventStore;

namespace Registry.Host.Feeds;

/// <summary>
/// An event as a CloudEvents 1.0 JSON envelope (structured mode): id = event id, type = the event type, source =
/// /registry/{stream}, subject = the stream, time = when it was recorded, data = the partner view of the fact.
/// Extensions carry the log position and stream revision (as strings: CloudEvents integers are 32-bit, positions are
/// not). Written straight into the response's buffer, without building a <c>CloudEvent</c> and parsing the data into a
/// document first (that cost more than everything else a feed does per event). CloudNative.CloudEvents' JSON
/// formatter reads it back as the same event (<c>CloudEventEnvelopeSpecs</c>).
/// </summary>
public static class CloudEventEnvelope
{
    public const string PositionAttribute = "position";
    public const string RevisionAttribute = "streamrevision";

    /// <summary>Writes the envelope on one line (as an SSE data field needs).</summary>
    public static void Write(Utf8JsonWriter json, RecordedEvent e)
    {
        json.WriteStartObject();
        json.WriteString("specversion"u8, "1.0"u8);
        json.WriteString("id"u8, e.EventId);
        json.WriteString("type"u8, e.EventType);
        json.WriteString("source"u8, "/registry/" + Uri.EscapeDataString(e.StreamName));
        json.WriteString("subject"u8, e.StreamName);
        json.WriteString("time"u8, e.Recorded.UtcDateTime); // RFC 3339, in UTC ("Z")
        json.WriteString("datacontenttype"u8, "application/json"u8);
        WriteNumberAsString(json, PositionAttribute, e.Position);
        WriteNumberAsString(json, RevisionAttribute, e.StreamRevision);
        json.WritePropertyName("data"u8);
        WriteData(json, PartnerView.Data(e));
        json.WriteEndObject();
    }

    private static void WriteNumberAsString(Utf8JsonWriter json, string name, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var length);
        json.WriteString(name, digits[..length]);
    }

    /// <summary>The data as stored when it is already on one line (the write side stores compact JSON); otherwise
    /// re-written compactly, since a line break would end the SSE field. Either way it is checked to be JSON.</summary>
    private static void WriteData(Utf8JsonWriter json, byte[] data)
    {
        if (data.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') < 0)
        {
            json.WriteRawValue(data);
            return;
        }
        using var document = JsonDocument.Parse(data);
        document.WriteTo(json);
    }
}
