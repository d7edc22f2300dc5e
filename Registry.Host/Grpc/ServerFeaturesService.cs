using Grpc.Core;
using Registry.Host.Grpc.Protocol;
using Registry.Host.Grpc.Protocol.ServerFeatures;

namespace Registry.Host.Grpc;

/// <summary>
/// <c>ServerFeatures.GetSupportedMethods</c>: exactly the calls the registry implements, lower-cased as EventStoreDB
/// lists them. Clients choose by it (a client that saw BatchAppend would use it), so nothing unimplemented is listed,
/// nor Delete and Tombstone, which answer only with their refusal.
/// </summary>
public sealed class ServerFeaturesService : ServerFeatures.ServerFeaturesBase
{
    private static readonly SupportedMethods Supported = Build();

    public override Task<SupportedMethods> GetSupportedMethods(Empty request, ServerCallContext context) => Task.FromResult(Supported);

    private static SupportedMethods Build()
    {
        var methods = new SupportedMethods
        {
            EventStoreServerVersion = typeof(ServerFeaturesService).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
        };
        methods.Methods.Add(Method(Protocol.Streams.Streams.Descriptor.FullName, "Read", "position", "events"));
        methods.Methods.Add(Method(Protocol.Streams.Streams.Descriptor.FullName, "Append"));
        methods.Methods.Add(Method(ServerFeatures.Descriptor.FullName, "GetSupportedMethods"));
        return methods;
    }

    private static SupportedMethod Method(string service, string method, params string[] features) => new()
    {
        ServiceName = service.ToLowerInvariant(),
        MethodName = method.ToLowerInvariant(),
        Features = { features },
    };
}
