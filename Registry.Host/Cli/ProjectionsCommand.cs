using System.CommandLine;
using System.Text.Json;
using Registry.Host.Hosting;
using Registry.Projections.Runtime;

namespace Registry.Host.Cli;

/// <summary>
/// <c>registry projections status|retry|skip|rebuild</c>. Every subcommand works on the database, so it works whether
/// or not a server runs: retry and skip change the faulted checkpoint row, which the owning process notices within a
/// second; rebuild leaves a request in <c>projections</c> that the owner takes up, or, when no process owns the
/// projection, does the rebuild itself under the projection's lease.
/// </summary>
public static class ProjectionsCommand
{
    private static readonly Argument<string> Name = new("name") { Description = "The projection's name (see `registry projections status`)" };
    private static readonly Option<string> Format = new("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };

    public static Command Create()
    {
        var command = new Command("projections", "Status and control of the projections (read models)");
        command.Subcommands.Add(Status());
        command.Subcommands.Add(Retry());
        command.Subcommands.Add(Skip());
        command.Subcommands.Add(Rebuild());
        return command;
    }

    private static Command Status()
    {
        var status = new Command("status", "Checkpoint, head, lag, state and generation of every projection");
        status.Options.Add(Format);
        status.SetAction(async (result, ct) =>
        {
            var database = await OpenAsync(result, ct);
            var statuses = await ProjectionStatusReader.ReadAsync(database, ct);
            var problems = ProjectionHealth.Problems(statuses, DateTimeOffset.UtcNow);
            if (result.GetValue(Format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(new { status = problems.Count == 0 ? ProjectionHealth.Healthy : ProjectionHealth.Degraded, problems, projections = statuses },
                    new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
                return 0;
            }
            var rows = statuses.Select(s => new[]
            {
                s.Name, s.Generation + (s.Active ? "*" : ""), s.Version.ToString(), s.State, s.Checkpoint.ToString(), s.Head.ToString(),
                s.LagEvents.ToString(), s.LagSeconds.ToString("F1"), s.Error ?? "",
            }).ToList();
            WriteTable(["NAME", "GEN", "VERSION", "STATE", "CHECKPOINT", "HEAD", "LAG", "LAG_S", "ERROR"], rows);
            Console.WriteLine(problems.Count == 0 ? "health: healthy" : "health: degraded\n  " + string.Join("\n  ", problems));
            Console.WriteLine("(* the active generation, which the views point at)");
            return 0;
        });
        return status;
    }

    private static Command Retry()
    {
        var retry = new Command("retry", "Retry a faulted projection from the event it faulted on");
        retry.Arguments.Add(Name);
        retry.SetAction(async (result, ct) =>
        {
            var database = await OpenAsync(result, ct);
            var faulted = await ProjectionControl.RetryAsync(database, result.GetValue(Name)!, ct);
            if (faulted is null) return NotFaulted(result.GetValue(Name)!);
            Console.WriteLine($"{faulted.Name}: generation {faulted.Generation} retries from position {faulted.FaultedPosition}");
            return 0;
        });
        return retry;
    }

    private static Command Skip()
    {
        var skip = new Command("skip", "Skip the event a projection faulted on (recorded with who and when) and go on after it");
        skip.Arguments.Add(Name);
        skip.SetAction(async (result, ct) =>
        {
            var database = await OpenAsync(result, ct);
            var faulted = await ProjectionControl.SkipAsync(database, result.GetValue(Name)!, Operator(), ct);
            if (faulted is null) return NotFaulted(result.GetValue(Name)!);
            Console.WriteLine($"{faulted.Name}: generation {faulted.Generation} skipped event {faulted.FaultedEventId} at position {faulted.FaultedPosition}");
            return 0;
        });
        return skip;
    }

    private static Command Rebuild()
    {
        var rebuild = new Command("rebuild", "Rebuild a projection beside the serving generation, then switch to it atomically");
        rebuild.Arguments.Add(Name);
        rebuild.SetAction(async (result, ct) =>
        {
            var name = result.GetValue(Name)!;
            var projection = ProjectionsHosting.Select(null).FirstOrDefault(p => p.Name == name);
            if (projection is null)
            {
                Console.Error.WriteLine($"registry: no projection named '{name}'");
                return 2;
            }
            var location = StoreOptions.Location(result);
            await using var store = await location.OpenAsync(ct: ct);
            var database = await ProjectionDatabase.OpenAsync(location, ct);
            var before = await ActiveGenerationAsync(database, name, ct);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var rebuilding = RebuildInProcessAsync(new ProjectionRunner(database, store, [projection]), projection, stop.Token);
            var outcome = await FollowAsync(database, name, before, rebuilding, stop);
            if (outcome is not null)
            {
                Console.Error.WriteLine($"registry: the rebuild of {name} failed: {outcome}\n  see `registry projections status`, then retry or skip");
                return 1;
            }
            var here = await rebuilding;
            var after = await ActiveGenerationAsync(database, name, ct);
            Console.WriteLine($"{name}: generation {after} is active (rebuilt {(here ? "by this command" : "by the owning server")})");
            return 0;
        });
        return rebuild;
    }

    /// <summary>Rebuilds here when no process owns the projection; otherwise waits while the owner does it.</summary>
    private static async Task<bool> RebuildInProcessAsync(ProjectionRunner runner, IProjection projection, CancellationToken ct)
    {
        try { return await runner.RebuildHereAsync(projection, Operator(), ct); }
        catch (OperationCanceledException) { return false; }
    }

    /// <summary>Draws progress until the rebuild here has finished or a generation newer than <paramref name="before"/> is
    /// active; returns the error if the rebuild faults.</summary>
    private static async Task<string?> FollowAsync(ProjectionDatabase database, string name, long? before, Task<bool> rebuilding, CancellationTokenSource stop)
    {
        var bar = new ProgressBar($"rebuild {name}");
        while (true)
        {
            await Task.WhenAny(rebuilding, Task.Delay(TimeSpan.FromMilliseconds(250)));
            var statuses = (await ProjectionStatusReader.ReadAsync(database)).Where(s => s.Name == name).ToList();
            if (rebuilding.IsFaulted) return rebuilding.Exception!.GetBaseException().Message;
            var active = statuses.FirstOrDefault(s => s.Active);
            if (active is not null && (rebuilding is { IsCompletedSuccessfully: true, Result: true } || active.Generation > before))
            {
                bar.Done($"generation {active.Generation} active at position {active.Checkpoint}");
                await stop.CancelAsync();
                return null;
            }
            var building = statuses.FirstOrDefault(s => before is null ? s.Active : s.Generation > before);
            if (building is null) continue;
            if (building.State == ProjectionStates.Faulted)
            {
                await stop.CancelAsync();
                return building.Error;
            }
            bar.Report(building.Checkpoint, building.Head);
        }
    }

    /// <summary>The runtime's database, with the log's schema and the runtime's brought up to date first.</summary>
    private static async Task<ProjectionDatabase> OpenAsync(ParseResult result, CancellationToken ct)
    {
        var location = StoreOptions.Location(result);
        await (await location.OpenAsync(ct: ct)).DisposeAsync();
        return await ProjectionDatabase.OpenAsync(location, ct);
    }

    private static async Task<long?> ActiveGenerationAsync(ProjectionDatabase database, string name, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        return (await ProjectionCatalog.GetProjectionAsync(connection, name))?.ActiveGeneration;
    }

    private static int NotFaulted(string name)
    {
        Console.Error.WriteLine($"registry: projection '{name}' is not faulted (see `registry projections status`)");
        return 1;
    }

    private static string Operator() => $"{Environment.UserName}@{Environment.MachineName}";

    private static void WriteTable(string[] header, List<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        Console.WriteLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows) Console.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
    }
}
