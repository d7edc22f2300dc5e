using System.Text.Json;
using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.EventStore.Integrity;
using Registry.Projections.Runtime;
using Registry.Read;
using Registry.Read.Audit;
using Registry.Read.Progress;

namespace Registry.Host.Http;

/// <summary>
/// The auditors' API under <c>/api/audit</c>: <c>diff?from=&amp;to=&amp;province=</c>, <c>plans/{number}?province=</c>,
/// <c>verify</c> (the hash chain) and <c>checkpoints/latest</c> (the newest signed statement). The figures' provenance
/// (<c>…/explain</c>) lives beside the queries it explains (<see cref="QueryEndpoints"/>).
/// </summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app, EventStoreLocation location, string? checkpointsFolder = null)
    {
        var db = ReadDatabase.For(location);
        var progress = app.ServiceProvider.GetRequiredService<ProjectionWaiter>();
        var wait = ReadYourWrites.DefaultTimeout;
        var folder = checkpointsFolder ?? CheckpointsFolder(location);
        var audit = app.MapGroup("/api/audit");

        audit.MapGet("/diff", (string? from, string? to, string? province, string? after, CancellationToken ct) =>
            QueryEndpoints.Answer(progress, wait, after, () => DiffAudit.RunAsync(db, from, to, province, ct), "", ct));
        audit.MapGet("/plans/{**number}", (string number, string? province, string? after, CancellationToken ct) =>
            QueryEndpoints.Answer(progress, wait, after, () => AuditPlan.RunAsync(db, Uri.UnescapeDataString(number), province, ct),
                $"no plan numbered '{Uri.UnescapeDataString(number)}'", ct));
        audit.MapGet("/verify", async (CancellationToken ct) =>
        {
            var store = (SqlEventStore)app.ServiceProvider.GetRequiredService<IEventStore>();
            var v = await ChainVerifier.VerifyAsync(store, ct: ct);
            return Results.Json(new
            {
                ok = v.Ok, eventsChecked = v.EventsChecked, lastPosition = v.LastPosition, digest = Convert.ToHexStringLower(v.LastHash),
                problem = v.Problem is null ? null : new { v.Problem.Position, kind = v.Problem.Kind.ToString().ToLowerInvariant(), v.Problem.Detail },
            }, RegistryJson.Options);
        });
        audit.MapGet("/checkpoints/latest", async (CancellationToken ct) =>
        {
            var newest = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.json")
                    .Select(f => (File: f, Checkpoint: TryRead(f)))
                    .Where(c => c.Checkpoint is not null)
                    .OrderByDescending(c => c.Checkpoint!.Position).ThenByDescending(c => c.Checkpoint!.SignedAt).FirstOrDefault()
                : default;
            await Task.CompletedTask;
            return newest.Checkpoint is null
                ? Results.Problem(statusCode: 404, title: "Not found", detail: $"no signed checkpoint in {folder}: run 'registry checkpoint sign'")
                : Results.Json(newest.Checkpoint, CheckpointSigner.Json);
        });
        return app;
    }

    /// <summary>
    /// Where signed checkpoints are kept, for <c>registry checkpoint sign</c> and this endpoint alike: the folder in
    /// <c>REGISTRY_CHECKPOINTS</c>, else <c>checkpoints</c> next to the SQLite file (for PostgreSQL, the working
    /// directory's <c>data/checkpoints</c>).
    /// </summary>
    public static string CheckpointsFolder(EventStoreLocation location) =>
        Environment.GetEnvironmentVariable("REGISTRY_CHECKPOINTS") is { Length: > 0 } configured ? configured
        : location.Kind == EventStoreLocation.Postgres ? Path.Combine("data", "checkpoints")
        : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(location.Connection)) ?? ".", "checkpoints");

    private static SignedCheckpoint? TryRead(string file)
    {
        try { return JsonSerializer.Deserialize<SignedCheckpoint>(File.ReadAllText(file), CheckpointSigner.Json); }
        catch (Exception e) when (e is JsonException or IOException) { return null; }
    }
}
