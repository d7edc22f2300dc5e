using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Read;
using Registry.Read.Competitions;
using Registry.Read.Findings;
using Registry.Read.Plans;
using Registry.Projections.Runtime;
using Registry.Read.Progress;
using Registry.Read.Provenance;
using Registry.Read.Provinces;
using Registry.Read.Search;
using Registry.Read.Startups;

namespace Registry.Host.Http;

/// <summary>
/// The read API over the temporal read models. Every query takes <c>asOf</c> (a log position or an ISO timestamp)
/// and <c>after</c> (read-your-writes: wait up to 5 s for the projections to reach that position, else 503 with
/// Retry-After); province-level queries take <c>map=2025|pre2025</c>. A bad parameter is a 400 problem naming it.
/// </summary>
public static class QueryEndpoints
{
    /// <param name="afterTimeout">How long <c>after=</c> waits (5 s unless a test says otherwise).</param>
    public static IEndpointRouteBuilder MapQueryEndpoints(this IEndpointRouteBuilder app, EventStoreLocation location, TimeSpan? afterTimeout = null)
    {
        var db = ReadDatabase.For(location);
        var progress = app.ServiceProvider.GetRequiredService<ProjectionWaiter>();
        var wait = afterTimeout ?? ReadYourWrites.DefaultTimeout;
        var api = app.MapGroup("/api");

        api.MapGet("/provinces", (string? map, string? asOf, string? after, CancellationToken ct) =>
            Answer(progress, wait, after, () => GetProvinces.RunAsync(db, map, asOf, ct), "", ct));
        api.MapGet("/provinces/{code}/dashboard", (string code, string? year, string? map, string? asOf, string? validOn, string? after, CancellationToken ct) =>
            Answer(progress, wait, after, () => GetProvinceDashboard.RunAsync(db, code, year, map, asOf, ct, validOn), $"province '{code}' is not a unit of that map", ct));
        api.MapGet("/startups", (string? q, string? province, string? sector, string? stage, string? page, string? pageSize, string? sort, string? map,
                string? asOf, string? validOn, string? after, CancellationToken ct) =>
            Answer(progress, wait, after, () => SearchStartups.RunAsync(db, new StartupQuery(q, province, sector, stage, page, pageSize, sort, map, asOf, validOn), ct), "", ct));
        // Plan numbers contain '/' ("201/KH-UBND"): accept them URL-encoded or not, so match the rest of the path.
        // …/progress/explain?metric=&year= lists the events behind one figure (Registry.Read/Provenance/ExplainMetric.cs).
        api.MapGet("/plans/{**rest}", (string rest, string? province, string? map, string? asOf, string? validOn, string? metric, string? year, string? after,
                CancellationToken ct) =>
            rest.EndsWith("/progress/explain", StringComparison.Ordinal)
                ? Answer(progress, wait, after, () => ExplainMetric.PlanAsync(db, Uri.UnescapeDataString(rest[..^"/progress/explain".Length]), metric, year, province, map,
                    asOf, ct, validOn), $"no plan numbered '{Uri.UnescapeDataString(rest[..^"/progress/explain".Length])}'", ct)
            : rest.EndsWith("/progress", StringComparison.Ordinal)
                ? Answer(progress, wait, after, () => GetPlanProgress.RunAsync(db, Uri.UnescapeDataString(rest[..^"/progress".Length]), province, map, asOf, ct, validOn),
                    $"no plan numbered '{Uri.UnescapeDataString(rest[..^"/progress".Length])}'", ct)
                : Task.FromResult(Results.Problem(statusCode: 404, title: "Not found", detail: "use /api/plans/{number}/progress")));
        api.MapGet("/provinces/{code}/dashboard/explain", (string code, string? metric, string? year, string? map, string? asOf, string? validOn, string? after,
                CancellationToken ct) =>
            Answer(progress, wait, after, () => ExplainMetric.DashboardAsync(db, code, metric, year, map, asOf, ct, validOn), $"province '{code}' is not a unit of that map", ct));
        api.MapGet("/competitions/{id}", (string id, string? asOf, string? after, CancellationToken ct) =>
            Answer(progress, wait, after, () => GetCompetition.RunAsync(db, id, asOf, ct), $"no competition '{id}'", ct));
        api.MapGet("/findings", (string? province, string? map, string? asOf, string? after, CancellationToken ct) =>
            Answer(progress, wait, after, () => GetFindings.RunAsync(db, province, map, asOf, ct), "", ct));
        api.MapGet("/search", (string? q, string? asOf, string? after, CancellationToken ct) =>
            Answer(progress, wait, after, () => SearchAll.RunAsync(db, q, asOf, ct), "", ct));
        return app;
    }

    internal static async Task<IResult> Answer<T>(ProjectionWaiter progress, TimeSpan wait, string? after, Func<Task<T>> query, string notFound, CancellationToken ct)
    {
        try
        {
            var position = ReadYourWrites.Parse(after);
            if (position > 0 && !await progress.WaitForPositionAsync(position, wait, ct: ct))
                return Results.Problem(statusCode: 503, title: "Read models are behind",
                    detail: $"the read models have not reached position {position} yet: retry shortly",
                    extensions: new Dictionary<string, object?> { ["after"] = position })
                    .WithHeader("Retry-After", "1");
            var result = await query();
            return result is null
                ? Results.Problem(statusCode: 404, title: "Not found", detail: notFound)
                : Results.Json(result, RegistryJson.Options);
        }
        catch (QueryParameterException e)
        {
            return Results.Problem(statusCode: 400, title: $"Invalid parameter '{e.Parameter}'", detail: e.Message,
                extensions: new Dictionary<string, object?> { ["parameter"] = e.Parameter });
        }
    }
}
