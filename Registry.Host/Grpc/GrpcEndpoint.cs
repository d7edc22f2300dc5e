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
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            foreach (var address in http)
                Listen(kestrel, address, o =>
                {
                    o.Protocols = HttpProtocols.Http1;
                    if (address.Scheme == "https")
                        o.UseHttps(grpc.Certificate ?? throw new ArgumentException($"--urls {address}: https needs --tls-cert."));
                });
            foreach (var address in grpc.Addresses)
                Listen(kestrel, address, o =>
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

    private static void Listen(KestrelServerOptions kestrel, BindingAddress address, Action<ListenOptions> configure)
    {
        var host = address.Host.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) kestrel.ListenLocalhost(address.Port, configure);
        else if (host is "*" or "+") kestrel.ListenAnyIP(address.Port, configure);
        else if (IPAddress.TryParse(host, out var ip)) kestrel.Listen(ip, address.Port, configure);
        else throw new ArgumentException($"{address}: the host must be an IP address, localhost or *.");
    }
}
