using System.CommandLine;
using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Plans;
using Registry.Host.Cli.Output;
using Registry.Read;
using Registry.Read.Competitions;
using Registry.Read.Findings;
using Registry.Read.Plans;
using Registry.Read.Provinces;
using Registry.Read.Search;
using Registry.Read.Startups;

namespace Registry.Host.Cli;

/// <summary>
/// <c>registry query NAME … [--asOf POSITION|TIMESTAMP] [--validOn DATE] [--map 2025|pre2025] [--format table|json|csv]</c>: the read
/// API's queries from the command line. JSON prints the whole answer; table and CSV print its rows.
/// Exit codes: 0 answered, 1 not found, 2 bad parameter.
/// </summary>
public static class QueryCommand
{
    private static readonly Option<string?> AsOf = new("--asOf") { Description = "A log position or an ISO timestamp: answer as the registry said it then", Recursive = true };
    private static readonly Option<string?> ValidOn = new("--validOn") { Description = "An ISO date: the facts true on that date, by what the registry knows (as of --asOf)", Recursive = true };
    private static readonly Option<string?> Map = new("--map") { Description = "Province map: 2025 (34 units, default) or pre2025 (63 units)", Recursive = true };
    private static readonly Option<string> Format = new("--format") { Description = "table, json or csv", DefaultValueFactory = _ => "table", Recursive = true };

    public static Command Create()
    {
        Format.AcceptOnlyFromAmong("table", "json", "csv");
        var query = new Command("query", "Ask the read models a question (as of now or of an earlier moment)");
        query.Options.Add(AsOf);
        query.Options.Add(Map);
        query.Options.Add(ValidOn);
        query.Options.Add(Format);

        var provinces = new Command("provinces", "The units of a map, with their lineage");
        Action(provinces, async (db, r, ct) => await GetProvinces.RunAsync(db, r.GetValue(Map), r.GetValue(AsOf), ct), _ => "", p => p.Provinces);
        query.Subcommands.Add(provinces);

        var code = new Argument<string>("code") { Description = "Province code" };
        var year = new Option<string?>("--year") { Description = "Year (default: the current one)" };
        var dashboard = new Command("dashboard", "A province's figures for one year") { code, year };
        Action(dashboard, (db, r, ct) => GetProvinceDashboard.RunAsync(db, r.GetValue(code)!, r.GetValue(year), r.GetValue(Map), r.GetValue(AsOf), ct, r.GetValue(ValidOn)),
            r => $"province '{r.GetValue(code)}' is not a unit of the {r.GetValue(Map) ?? "2025"} map (as of that moment): see 'registry query provinces'",
            d => d.Figures.Cast<object>()
                .Concat(d.StartupsBySector.Select(s => new MetricValue("sector: " + s.Key, s.Count)))
                .Concat(d.StartupsByStage.Select(s => new MetricValue("stage: " + s.Key, s.Count)))
                .Concat(d.IndexScores.Select(s => new MetricValue($"pii score ({s.ProvinceName}, rank {s.Rank})", s.Score))));
        query.Subcommands.Add(dashboard);

        var q = new Option<string?>("--q") { Description = "Text to find (diacritics and case ignored)" };
        var province = new Option<string?>("--province") { Description = "Province code" };
        var sector = new Option<string?>("--sector");
        var stage = new Option<string?>("--stage") { Description = "idea, project or company" };
        var page = new Option<string?>("--page");
        var pageSize = new Option<string?>("--pageSize");
        var sort = new Option<string?>("--sort") { Description = "name, -name, registered, -registered, province" };
        var startups = new Command("startups", "The startup directory") { q, province, sector, stage, page, pageSize, sort };
        Action(startups, async (db, r, ct) => await SearchStartups.RunAsync(db, new StartupQuery(r.GetValue(q), r.GetValue(province), r.GetValue(sector), r.GetValue(stage),
            r.GetValue(page), r.GetValue(pageSize), r.GetValue(sort), r.GetValue(Map), r.GetValue(AsOf), r.GetValue(ValidOn)), ct), _ => "", p => p.Items);
        query.Subcommands.Add(startups);

        var number = new Argument<string>("number") { Description = "Plan number, e.g. 201/KH-UBND" };
        var planProvince = new Option<string?>("--province") { Description = "Province code, when several provinces use the number" };
        var plan = new Command("plan", "A plan's targets against the actuals") { number, planProvince };
        Action(plan, (db, r, ct) => GetPlanProgress.RunAsync(db, r.GetValue(number)!, r.GetValue(planProvince), r.GetValue(Map), r.GetValue(AsOf), ct, r.GetValue(ValidOn)),
            r => $"no plan numbered '{r.GetValue(number)}'{(r.GetValue(planProvince) is { } p ? $" in province {p}" : "")} (as of that moment)", p => p.Rows);
        query.Subcommands.Add(plan);

        var id = new Argument<string>("id") { Description = "Competition id" };
        var competition = new Command("competition", "A competition with its applications and prizes") { id };
        Action(competition, (db, r, ct) => GetCompetition.RunAsync(db, r.GetValue(id)!, r.GetValue(AsOf), ct), r => $"no competition '{r.GetValue(id)}' (as of that moment)",
            c => c.Prizes);
        query.Subcommands.Add(competition);

        var findingsProvince = new Option<string?>("--province") { Description = "Province code" };
        var findings = new Command("findings", "Data-quality findings") { findingsProvince };
        Action(findings, async (db, r, ct) => await GetFindings.RunAsync(db, r.GetValue(findingsProvince), r.GetValue(Map), r.GetValue(AsOf), ct), _ => "", f => f.Findings);
        query.Subcommands.Add(findings);

        var text = new Argument<string>("text") { Description = "Text to find (diacritics and case ignored)" };
        var search = new Command("search", "Search the whole registry") { text };
        Action(search, async (db, r, ct) => await SearchAll.RunAsync(db, r.GetValue(text), r.GetValue(AsOf), ct), _ => "", s => s.Hits);
        query.Subcommands.Add(search);
        return query;
    }

    /// <param name="notFound">What to say when the query finds nothing (for the queries that can).</param>
    private static void Action<T>(Command command, Func<ReadDatabase, ParseResult, CancellationToken, Task<T?>> run, Func<ParseResult, string> notFound,
        Func<T, IEnumerable<object>> rows) where T : class =>
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            if (ReadOnlyStore.Missing(StoreOptions.Location(r)) is { } missing)
            {
                await Console.Error.WriteLineAsync(missing);
                return 2;
            }
            await using var db = ReadDatabase.For(StoreOptions.Location(r));
            try
            {
                var result = await run(db, r, ct);
                if (result is null)
                {
                    await Console.Error.WriteLineAsync(notFound(r));
                    return 1;
                }
                var format = r.GetValue(Format)!;
                if (format == "json") Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(RegistryJson.Options) { WriteIndented = true }));
                else RowsWriter.Write(Console.Out, rows(result).ToList(), format);
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
        });
}
