using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.EventStore;
using Registry.Host.Grpc;
using Registry.Host.Grpc.Access;

namespace Registry.Tests.Grpc;

/// <summary>
/// The registry's gRPC endpoint over TLS, hosted in the test process exactly as <c>registry serve</c> wires it, except
/// for two stand-ins the tests choose: who the API keys are (<see cref="IGrpcAccess"/>) and the event catalogue
/// (<see cref="IAppendValidator"/>). They stand in for issue 3's keys and catalogue until those are merged.
/// </summary>
public sealed class InProcessRegistry : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessRegistry(WebApplication app, int port)
    {
        _app = app;
        GrpcPort = port;
    }

    public int GrpcPort { get; }

    public static async Task<InProcessRegistry> StartAsync(IEventStore store, TestCertificate certificate, IGrpcAccess access, IAppendValidator validator)
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.ListenForHttpAndGrpc([$"http://127.0.0.1:{FreePort()}"],
            GrpcEndpointSettings.Create($"127.0.0.1:{port}", certificate.Certificate));
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(access);
        builder.Services.AddSingleton(validator);
        builder.Services.AddRegistryGrpc();
        var app = builder.Build();
        app.MapRegistryGrpc();
        await app.StartAsync();
        return new InProcessRegistry(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
