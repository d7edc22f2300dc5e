using Registry.EventStore;
using Registry.Host.Grpc.Protocol.Streams;

namespace Registry.Host.Grpc;

/// <summary>
/// A proposed message as an event for the log. EventStoreDB requires the metadata keys <c>type</c> and
/// <c>content-type</c>; the registry stores JSON only, so the content type must be <c>application/json</c>. The
/// client's custom metadata becomes the event's metadata, which the log requires to be JSON as well.
/// </summary>
public static class ProposedEvent
{
    public static EventData ToEventData(AppendReq.Types.ProposedMessage message, int index)
    {
        var id = ProtocolUuid.Parse(message.Id)
            ?? throw GrpcErrors.BadRequest($"events[{index}]: the id is missing or not a UUID.");
        if (!message.Metadata.TryGetValue("type", out var type) || !message.Metadata.TryGetValue("content-type", out var contentType))
            throw GrpcErrors.MissingRequiredMetadata($"events[{index}]: the metadata must hold 'type' and 'content-type'.");
        if (!string.Equals(contentType, ReadResponses.JsonContentType, StringComparison.OrdinalIgnoreCase))
            throw GrpcErrors.BadRequest($"events[{index}]: the registry stores JSON events only; content-type is '{contentType}', not '{ReadResponses.JsonContentType}'.");
        return new EventData(id, type, message.Data.Memory, message.CustomMetadata.Memory);
    }
}
