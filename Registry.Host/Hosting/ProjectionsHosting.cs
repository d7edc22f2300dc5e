using System.CommandLine;
using Registry.EventStore;
using Registry.Host.Cli;
using Registry.Projections;
using Registry.Projections.Runtime;

namespace Registry.Host.Hosting;

/// <summary>
/// The projection runtime's part of <c>registry serve</c>: its options, its services (the runner as a background
/// service on roles projections and all; the database and the read-your-writes waiter on every role), and its
/// endpoints: <c>GET /api/projections</c> and <c>GET /health</c>.
/// </summary>
public static class ProjectionsHosting
{
    public static readonly Option<string?> Only = new("--projections")
    {
        Description = "Run only these projections (comma-separated names); all by default",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REGISTRY_PROJECTIONS"),
    };

    public static void AddProjectionOptions(this Command serve)
    {
        serve.Options.Add(ServeRoleOption.Role);
        serve.Options.Add(Only);
    }

    public static async Task AddProjectionsAsync(this WebApplicationBuilder builder, ParseResult result, IEventStore store, CancellationToken ct)
    {
        var database = await ProjectionDatabase.OpenAsync(StoreOptions.Location(result), ct);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(new ProjectionWaiter(database, RegistryProjections.All.Select(p => p.Name)));
        if (!result.GetValue(ServeRoleOption.Role).Includes(ServeRole.Projections)) return;
        var projections = Select(result.GetValue(Only));
        builder.Services.AddHostedService(services => new ProjectionsHostedService(
            new ProjectionRunner(database, store, projections, logger: services.GetRequiredService<ILogger<ProjectionRunner>>())));
    }

    /// <summary>
    /// <c>/health</c> answers 200 in both states, with <c>status</c> "healthy" or "degraded" and the problems: a faulted
    /// or frozen projection makes reads stale but does not stop the process from serving, and a 503 would take write
    /// and read nodes out of a load balancer for a problem they cannot fix. Monitoring alerts on the status field.
    /// </summary>
    public static void MapProjections(this WebApplication app)
    {
        app.MapGet("/api/projections", async (ProjectionDatabase database, CancellationToken ct) =>
        {
            var statuses = await ProjectionStatusReader.ReadAsync(database, ct);
            return Results.Ok(new { head = await HeadAsync(database, ct), projections = statuses });
        });
        app.MapGet("/health", async (ProjectionDatabase database, CancellationToken ct) =>
        {
            var problems = ProjectionHealth.Problems(await ProjectionStatusReader.ReadAsync(database, ct), DateTimeOffset.UtcNow);
            return Results.Ok(new
            {
                status = problems.Count == 0 ? ProjectionHealth.Healthy : ProjectionHealth.Degraded,
                head = await HeadAsync(database, ct),
                problems,
            });
        });
    }

    public static IReadOnlyList<IProjection> Select(string? names)
    {
        if (string.IsNullOrWhiteSpace(names)) return RegistryProjections.All;
        var wanted = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = wanted.Except(RegistryProjections.All.Select(p => p.Name)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown projection(s): {string.Join(", ", unknown)}");
        return RegistryProjections.All.Where(p => wanted.Contains(p.Name)).ToList();
    }

    private static async Task<long> HeadAsync(ProjectionDatabase database, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return await ProjectionDatabase.ReadHeadAsync(connection);
    }
}
