using System.CommandLine;
using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Read;
using Registry.Read.Audit;

namespace Registry.Host.Cli.Audit;

/// <summary>
/// <c>registry audit diff --from T1 --to T2 [--province CODE]</c> and <c>registry audit plan NUMBER [--province CODE]</c>
/// (see <see cref="DiffAudit"/> and <see cref="AuditPlan"/>). JSON by default; <c>--format table</c> prints one line a figure.
/// Exit codes: 0 answered, 1 not found, 2 bad parameter.
/// </summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "json or table", DefaultValueFactory = _ => "json", Recursive = true };
        format.AcceptOnlyFromAmong("json", "table");
        var from = new Option<string>("--from") { Description = "A log position or an ISO timestamp", Required = true };
        var to = new Option<string?>("--to") { Description = "A log position or an ISO timestamp (default: now)" };
        var province = new Option<string?>("--province") { Description = "Province code (2025 map)" };
        var diff = new Command("diff", "The events recorded between two moments and every dashboard and plan figure that changed, with the events that changed it")
            { from, to, province };
        diff.SetAction((r, ct) => Run(r, ct, db => DiffAudit.RunAsync(db, r.GetValue(from), r.GetValue(to), r.GetValue(province), ct)!, "", d =>
        {
            Console.WriteLine($"positions {d.FromPosition} → {d.ToPosition}: {d.Recorded.Count} events recorded, {d.Changes.Count} figures changed");
            foreach (var c in d.Changes)
                Console.WriteLine($"{c.Scope,-9} {c.ProvinceCode,-3} {c.Plan ?? "",-16} {c.Metric,-22} {c.Year?.ToString() ?? "period",-6} {c.Old} → {c.New}" +
                                  $"  +[{string.Join(", ", c.Added.Select(e => $"{e.Position} {e.Source}"))}] -[{string.Join(", ", c.Removed.Select(e => $"{e.Position} {e.Source}"))}]");
        }));

        var number = new Argument<string>("number") { Description = "Plan number, e.g. 201/KH-UBND" };
        var planProvince = new Option<string?>("--province") { Description = "Province code, when several provinces use the number" };
        var plan = new Command("plan", "For each year-end of a plan's period: target against actual as the registry said it then and says today, with the events")
            { number, planProvince };
        plan.SetAction((r, ct) => Run(r, ct, db => AuditPlan.RunAsync(db, r.GetValue(number)!, r.GetValue(planProvince), ct),
            $"no plan numbered '{r.GetValue(number)}'{(r.GetValue(planProvince) is { } p ? $" in province {p}" : "")}", a =>
        {
            Console.WriteLine($"{a.Number} ({a.ProvinceCode}) {a.Title}, {a.PeriodFrom}–{a.PeriodTo}");
            foreach (var y in a.YearEnds)
                foreach (var row in y.Rows)
                    Console.WriteLine($"{y.On:yyyy-MM-dd} @{y.Position,-7} {row.TargetId,-16} {row.Year?.ToString() ?? "period",-6} target {row.Min}–{row.Max}: " +
                                      $"then {row.ActualThen?.ToString() ?? "-"} ({row.StatusThen?.ToString() ?? "not recorded"}), now {row.ActualNow} ({row.StatusNow})" +
                                      (row.Changed ? "  CHANGED" : "") + $"  events then {row.EventsThen.Count}, now {row.EventsNow.Count}");
        }));
        return new Command("audit", "Time-travel audits: what changed and why, and a plan's year-ends then and now") { diff, plan, format };

        async Task<int> Run<T>(ParseResult r, CancellationToken ct, Func<ReadDatabase, Task<T?>> query, string notFound, Action<T> table) where T : class
        {
            if (ReadOnlyStore.Missing(StoreOptions.Location(r)) is { } missing)
            {
                await Console.Error.WriteLineAsync(missing);
                return 2;
            }
            await using var db = ReadDatabase.For(StoreOptions.Location(r));
            try
            {
                var result = await query(db);
                if (result is null)
                {
                    await Console.Error.WriteLineAsync(notFound);
                    return 1;
                }
                if (r.GetValue(format) == "table") table(result);
                else Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(RegistryJson.Options) { WriteIndented = true }));
                return 0;
            }
            catch (QueryParameterException e)
            {
                await Console.Error.WriteLineAsync($"--{e.Parameter}: {e.Message}");
                return 2;
            }
            catch (System.Data.Common.DbException e) when (ReadOnlyStore.IsReadModelMissing(e))
            {
                await Console.Error.WriteLineAsync(ReadOnlyStore.ReadModelsNotBuilt);
                return 2;
            }
        }
    }
}
