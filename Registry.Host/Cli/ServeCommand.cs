using System.CommandLine;
using Registry.EventStore;

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
        var command = new Command("serve", "Serve the registry over HTTP");
        command.Options.Add(Urls);
        command.SetAction(async (result, ct) =>
        {
            await using var store = await StoreOptions.Location(result).OpenAsync(ct: ct);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(result.GetValue(Urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton<IEventStore>(store);
            var app = builder.Build();
            app.MapGet("/health", async (IEventStore log, CancellationToken token) =>
                Results.Ok(new { status = "healthy", head = await log.GetHeadPositionAsync(token) }));
            Http.QueryEndpoints.MapQueryEndpoints(app, StoreOptions.Location(result));
            await app.StartAsync(ct);
            foreach (var url in app.Urls) Console.WriteLine($"Registry listening on {url}");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
