using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Registry.EventStore;
using Registry.Host.Feeds;
using Registry.Host.Grpc;
using Registry.Host.Hosting;
using Registry.Host.Http;

namespace Registry.Host.Cli;

/// <summary><c>registry serve</c>: the HTTP API, the web dashboard and the EventStoreDB gRPC endpoint, by role.</summary>
public static class ServeCommand
{
    public static readonly Option<string> Urls = new("--urls")
    {
        Description = "HTTP endpoint(s), separated by ';'",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REGISTRY_URLS") ?? "http://127.0.0.1:5080",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Serve the registry over HTTP, and the EventStoreDB gRPC protocol on its own endpoint");
        command.Options.Add(Urls);
        GrpcServeOptions.AddTo(command);
        command.AddProjectionOptions();
        command.SetAction(async (result, ct) =>
        {
            // A projections-only process serves no API: it only runs projection workers (and reports their health).
            var role = result.GetValue(ServeRoleOption.Role);
            var serving = role != ServeRole.Projections;
            GrpcEndpointSettings grpc;
            try { grpc = serving ? GrpcServeOptions.Settings(result) : GrpcServeOptions.Settings(result) with { Addresses = [] }; }
            catch (ArgumentException e) { return Refused(e.Message); }
            await using var store = await StoreOptions.Location(result).OpenAsync(ct: ct);
            var builder = RegistryWebHost.CreateBuilder();
            var urls = result.GetValue(Urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries);
            try { builder.ListenForHttpAndGrpc(urls, grpc); }
            catch (Exception e) when (e is ArgumentException or FormatException) { return Refused(e.Message); }
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton<IEventStore>(store);
            if (serving)
            {
                builder.Services.AddRegistryGrpc();
                builder.AddCommands();
            }
            await builder.AddProjectionsAsync(result, store, ct);
            var app = builder.Build();
            app.MapProjections();
            if (role.Includes(ServeRole.Write)) app.MapCommands();
            if (role.Includes(ServeRole.Read))
            {
                app.MapFeed();
                app.MapQueryEndpoints(StoreOptions.Location(result));
                app.MapDashboard();
                app.MapAuditEndpoints(StoreOptions.Location(result));
            }
            if (serving) app.MapRegistryGrpc();
            try { await app.StartAsync(ct); }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException or Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                // Most often a registry already running there (a second ops/run).
                Console.Error.WriteLine($"registry serve: {e.Message} Stop what listens there, or choose other ports with --urls and --grpc-urls.");
                return 1;
            }
            // The bound addresses, in the order configured (HTTP first), so that port 0 prints the port chosen.
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            foreach (var url in bound.Take(urls.Length)) Console.WriteLine($"Registry listening on {url}");
            if (role.Includes(ServeRole.Read)) Console.WriteLine($"Dashboard: {bound.First().TrimEnd('/')}/");
            foreach (var line in grpc.Describe()) Console.WriteLine(line);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }

    /// <summary>A bad option: one line naming it, exit code 2, no stack trace.</summary>
    private static int Refused(string message)
    {
        Console.Error.WriteLine($"registry serve: {message}");
        return 2;
    }
}
