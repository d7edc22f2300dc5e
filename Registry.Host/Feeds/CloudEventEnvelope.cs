using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Registry.EventStore;

namespace Registry.Host.Feeds;

/// <summary>
/// An event as a CloudEvents 1.0 JSON envelope: id = event id, type = the event type, source = /registry/{stream},
/// subject = the stream, time = when it was recorded, data = the partner view of the fact. Extensions carry the log
/// position and stream revision (as strings: CloudEvents integers are 32-bit, positions are not).
/// </summary>
public static class CloudEventEnvelope
{
    public static readonly CloudEventAttribute Position = CloudEventAttribute.CreateExtension("position", CloudEventAttributeType.String);
    public static readonly CloudEventAttribute Revision = CloudEventAttribute.CreateExtension("streamrevision", CloudEventAttributeType.String);
    private static readonly JsonEventFormatter Formatter = new();

    public static byte[] Encode(RecordedEvent e)
    {
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, [Position, Revision])
        {
            Id = e.EventId.ToString(),
            Type = e.EventType,
            Source = new Uri($"/registry/{Uri.EscapeDataString(e.StreamName)}", UriKind.Relative),
            Subject = e.StreamName,
            Time = e.Recorded,
            DataContentType = "application/json",
            Data = JsonDocument.Parse(PartnerView.Data(e)).RootElement,
        };
        cloudEvent[Position] = e.Position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        cloudEvent[Revision] = e.StreamRevision.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Formatter.EncodeStructuredModeMessage(cloudEvent, out _).ToArray();
    }
}
