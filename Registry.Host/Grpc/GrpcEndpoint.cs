using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Registry.Host.Grpc.Access;

namespace Registry.Host.Grpc;

/// <summary>Wires the EventStoreDB gRPC protocol into <c>registry serve</c>: endpoints, services and routes.</summary>
public static class GrpcEndpoint
{
    /// <summary>
    /// Declares the HTTP endpoints (HTTP/1.1) and the gRPC ones (HTTP/2, over TLS when a certificate is given). Both are
    /// declared here because endpoints declared on Kestrel replace <c>--urls</c>.
    /// </summary>
    public static void ListenForHttpAndGrpc(this WebApplicationBuilder builder, IEnumerable<string> httpUrls, GrpcEndpointSettings grpc)
    {
        var http = httpUrls.Select(BindingAddress.Parse).ToList();
        // Checked now: Kestrel applies its options only as it starts, where a refusal would be an unhandled exception.
        if (grpc.Certificate is null && http.FirstOrDefault(a => a.Scheme == "https") is { } https)
            throw new ArgumentException($"--urls {https}: https needs --tls-cert.");
        var httpListeners = http.Select(a => (Address: a, Listen: Listener(a))).ToList();
        var grpcListeners = grpc.Addresses.Select(Listener).ToList();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var (address, listen) in httpListeners)
                listen(kestrel, o =>
                {
                    o.Protocols = HttpProtocols.Http1;
                    if (address.Scheme == "https")
                        o.UseHttps(grpc.Certificate!);
                });
            foreach (var listen in grpcListeners)
                listen(kestrel, o =>
                {
                    if (grpc.Certificate is null)
                        o.Protocols = HttpProtocols.Http2;
                    else
                    {
                        o.Protocols = HttpProtocols.Http1AndHttp2;
                        o.UseHttps(grpc.Certificate);
                    }
                });
        });
    }

    /// <summary>The gRPC services; appends and API keys use the write side, registered beside them (<c>AddCommands</c>).</summary>
    public static IServiceCollection AddRegistryGrpc(this IServiceCollection services)
    {
        services.AddGrpc(o => o.MaxReceiveMessageSize = AppendHandler.MaxMessageBytes);
        services.AddSingleton<IGrpcAccess, ApiKeyGrpcAccess>();
        services.AddSingleton<ReadResponder>();
        services.AddSingleton<AppendHandler>();
        return services;
    }

    public static void MapRegistryGrpc(this WebApplication app)
    {
        app.MapGrpcService<StreamsService>();
        app.MapGrpcService<ServerFeaturesService>();
    }

    /// <summary>How Kestrel is to listen on <paramref name="address"/>; a host it cannot listen on is refused now.</summary>
    private static Action<KestrelServerOptions, Action<ListenOptions>> Listener(BindingAddress address)
    {
        var host = address.Host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return (kestrel, configure) => kestrel.ListenLocalhost(address.Port, configure);
        if (host is "*" or "+") return (kestrel, configure) => kestrel.ListenAnyIP(address.Port, configure);
        if (IPAddress.TryParse(host, out var ip)) return (kestrel, configure) => kestrel.Listen(ip, address.Port, configure);
        throw new ArgumentException($"{address}: the host must be an IP address, localhost or *.");
    }
}
