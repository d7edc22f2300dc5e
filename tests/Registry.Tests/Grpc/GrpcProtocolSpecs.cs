using Google.Protobuf;
using Grpc.Core;
using Registry.Host.Grpc;
using Registry.Host.Grpc.Protocol;
using Registry.Host.Grpc.Protocol.Streams;

namespace Registry.Tests.Grpc;

/// <summary>Protocol details that the Node client does not exercise on its own.</summary>
public sealed class GrpcProtocolSpecs
{
    [Test]
    public async Task ServerFeatures_lists_exactly_the_implemented_methods_lower_cased_and_never_BatchAppend()
    {
        var supported = await new ServerFeaturesService().GetSupportedMethods(new Empty(), null!);

        Assert.That(supported.Methods.Select(m => $"{m.ServiceName}/{m.MethodName} [{string.Join(",", m.Features)}]"), Is.EquivalentTo(new[]
        {
            "event_store.client.streams.streams/read [position,events]",
            "event_store.client.streams.streams/append []",
            "event_store.client.server_features.serverfeatures/getsupportedmethods []",
        }));
    }

    [TestCase("type")]
    [TestCase("content-type")]
    public void A_proposed_event_without_required_metadata_is_refused_with_the_protocols_exception_trailer(string missing)
    {
        var message = new AppendReq.Types.ProposedMessage
        {
            Id = ProtocolUuid.ToString(Guid.NewGuid()),
            Metadata = { ["type"] = "StartupRegistered", ["content-type"] = "application/json" },
            Data = ByteString.CopyFromUtf8("{}"),
        };
        message.Metadata.Remove(missing);

        var refused = Assert.Throws<RpcException>(() => ProposedEvent.From(message))!;
        Assert.That(refused.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(refused.Trailers.GetValue("exception"), Is.EqualTo("missing-required-metadata-property"));
    }

    [Test]
    public void Structured_uuids_carry_the_RFC_4122_bytes_most_significant_first_and_read_back()
    {
        var id = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
        var structured = ProtocolUuid.ToStructured(id).Structured;

        Assert.That(structured.MostSignificantBits, Is.EqualTo(0x0011223344556677));
        Assert.That(unchecked((ulong)structured.LeastSignificantBits), Is.EqualTo(0x8899aabbccddeeffUL));
        Assert.That(ProtocolUuid.Parse(ProtocolUuid.ToStructured(id)), Is.EqualTo(id));
    }

    [Test]
    public void Created_is_dotnet_ticks_since_the_unix_epoch()
    {
        var recorded = new DateTimeOffset(2020, 9, 13, 12, 26, 40, TimeSpan.Zero);
        Assert.That(ReadResponses.CreatedTicks(recorded), Is.EqualTo("16000000000000000"));
    }

    [TestCase("Filters apply to $all only", true, false)]
    [TestCase("Subscriptions read forwards only", false, true)]
    public void Reads_the_protocol_forbids_are_refused_as_invalid(string reason, bool filterOnStream, bool backwardsSubscription)
    {
        var options = new ReadReq.Types.Options
        {
            Stream = new ReadReq.Types.Options.Types.StreamOptions
            {
                StreamIdentifier = ReadResponses.StreamIdentifier("startup-a1"), Start = new Empty(),
            },
            UuidOption = new ReadReq.Types.Options.Types.UUIDOption { String = new Empty() },
            ReadDirection = backwardsSubscription ? ReadReq.Types.Options.Types.ReadDirection.Backwards : ReadReq.Types.Options.Types.ReadDirection.Forwards,
        };
        if (backwardsSubscription) options.Subscription = new ReadReq.Types.Options.Types.SubscriptionOptions();
        else options.Count = 10;
        if (filterOnStream)
            options.Filter = new ReadReq.Types.Options.Types.FilterOptions
            {
                EventType = new ReadReq.Types.Options.Types.FilterOptions.Types.Expression { Prefix = { "Startup" } },
                Count = new Empty(),
                CheckpointIntervalMultiplier = 1,
            };

        var refused = Assert.Throws<RpcException>(() => ReadRequest.Parse(new ReadReq { Options = options }))!;
        Assert.That(refused.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(refused.Status.Detail, Does.Contain(reason));
    }
}
