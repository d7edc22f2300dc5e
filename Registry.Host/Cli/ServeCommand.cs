using System.CommandLine;
using Registry.EventStore;
using Registry.Host.Feeds;
using Registry.Host.Grpc;
using Registry.Host.Hosting;
using Registry.Host.Http;

namespace Registry.Host.Cli;

/// <summary><c>registry serve</c>: the HTTP API (and, with later issues, gRPC and the dashboard).</summary>
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
            var grpc = GrpcServeOptions.Settings(result);
            await using var store = await StoreOptions.Location(result).OpenAsync(ct: ct);
            var builder = WebApplication.CreateSlimBuilder();
            var urls = result.GetValue(Urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries);
            builder.ListenForHttpAndGrpc(urls, grpc);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton<IEventStore>(store);
            builder.Services.AddRegistryGrpc();
            builder.AddCommands();
            await builder.AddProjectionsAsync(result, store, ct);
            var app = builder.Build();
            app.MapProjections();
            app.MapCommands();
            app.MapFeed();
            app.MapRegistryGrpc();
            app.MapQueryEndpoints(StoreOptions.Location(result));
            await app.StartAsync(ct);
            foreach (var url in urls) Console.WriteLine($"Registry listening on {url}");
            foreach (var line in grpc.Describe()) Console.WriteLine(line);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
