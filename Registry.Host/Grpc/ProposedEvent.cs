using Registry.Host.Grpc.Protocol.Streams;

namespace Registry.Host.Grpc;

/// <summary>
/// A proposed message of an append: its id, type and JSON data. EventStoreDB requires the metadata keys <c>type</c>
/// and <c>content-type</c>; the registry records JSON facts only, so the content type must be <c>application/json</c>.
/// The client's custom metadata is not kept: the write side writes each fact's metadata (key, source, command id).
/// </summary>
public sealed record ProposedEvent(Guid Id, string Type, ReadOnlyMemory<byte> Data)
{
    public static ProposedEvent From(AppendReq.Types.ProposedMessage message)
    {
        var id = ProtocolUuid.Parse(message.Id) ?? throw GrpcErrors.BadRequest("The event's id is missing or not a UUID.");
        if (!message.Metadata.TryGetValue("type", out var type) || !message.Metadata.TryGetValue("content-type", out var contentType))
            throw GrpcErrors.MissingRequiredMetadata("The event's metadata must hold 'type' and 'content-type'.");
        if (!string.Equals(contentType, ReadResponses.JsonContentType, StringComparison.OrdinalIgnoreCase))
            throw GrpcErrors.BadRequest($"The registry records JSON facts only; content-type is '{contentType}', not '{ReadResponses.JsonContentType}'.");
        return new ProposedEvent(id, type, message.Data.Memory);
    }
}
