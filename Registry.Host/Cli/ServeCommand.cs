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
            var grpc = serving ? GrpcServeOptions.Settings(result) : GrpcServeOptions.Settings(result) with { Addresses = [] };
            await using var store = await StoreOptions.Location(result).OpenAsync(ct: ct);
            var builder = RegistryWebHost.CreateBuilder();
            var urls = result.GetValue(Urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries);
            builder.ListenForHttpAndGrpc(urls, grpc);
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
            await app.StartAsync(ct);
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
}
