using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dapper;
using Registry.Read;
using Registry.Read.Plans;
using Registry.Read.Provinces;
using Registry.Read.Startups;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// <c>registry bench query [--store …] [--iterations 200]</c>: p50/p95 latency of the dashboard, startup search (common
/// words, and a startup's own name) and plan-progress queries, current and as of the middle of the log, on the data
/// <c>bench rebuild</c> left.
/// </summary>
public static class BenchQueryCommand
{
    private static readonly Option<int> Iterations = new("--iterations") { Description = "Timed calls per query and mode", DefaultValueFactory = _ => 200 };

    public static Command Create()
    {
        var command = new Command("query", "p50/p95 of the dashboard, search and plan-progress queries, current and asOf") { Iterations };
        command.SetAction(async (ParseResult r, CancellationToken ct) =>
        {
            var location = BenchStore.Location(r);
            var iterations = r.GetValue(Iterations);
            await using var db = ReadDatabase.For(location);
            long head;
            List<string> units;
            List<(string Number, string Province)> plans;
            List<string> names;
            await using (var connection = await db.OpenAsync(ct))
            {
                head = await connection.ExecuteScalarAsync<long>("SELECT position FROM log_head");
                plans = (await connection.QueryAsync<(string, string)>("SELECT number, province_code FROM plans WHERE valid_to IS NULL GROUP BY number, province_code HAVING count(*) = 1 ORDER BY number LIMIT 200")).ToList();
                // A startup's own name: the rare-word search (a few matches: no early stop, only an index on the words helps).
                names = (await connection.QueryAsync<string>("SELECT name FROM startups WHERE valid_to IS NULL ORDER BY startup_id LIMIT 200")).ToList();
            }
            units = (await GetProvinces.RunAsync(db, "2025", null, ct)).Provinces.Select(p => p.Code).ToList();
            if (head == 0 || units.Count == 0 || plans.Count == 0)
            {
                await Console.Error.WriteLineAsync("no read models to query: run `registry bench rebuild` first");
                return 2;
            }
            var random = new Random(7);
            string[] terms = ["xanh", "lang son", "ca phe", "mat ong", "viet", "nong san", "sen", "tra"];
            var middle = (head / 2).ToString(CultureInfo.InvariantCulture);
            Console.WriteLine($"{location.Kind}, {head:N0} events, {iterations} calls each, {Environment.ProcessorCount} cores");
            Console.WriteLine("query              mode      p50 ms   p95 ms");
            foreach (var (name, asOf) in new[] { ("current", (string?)null), ($"asOf={middle}", middle) })
            {
                await Measure("dashboard", name, iterations, () => GetProvinceDashboard.RunAsync(db, Pick(random, units), random.Next(2019, 2027).ToString(CultureInfo.InvariantCulture),
                    random.Next(2) == 0 ? "2025" : null, asOf, ct));
                await Measure("search", name, iterations, () => SearchStartups.RunAsync(db, new StartupQuery(Q: Pick(random, terms), AsOf: asOf), ct));
                await Measure("search-name", name, iterations, () => SearchStartups.RunAsync(db, new StartupQuery(Q: Pick(random, names), AsOf: asOf), ct));
                await Measure("plan-progress", name, iterations, () =>
                {
                    var (number, province) = Pick(random, plans);
                    return GetPlanProgress.RunAsync(db, number, province, null, asOf, ct);
                });
            }
            return 0;
        });
        return command;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static async Task Measure<T>(string query, string mode, int iterations, Func<Task<T>> call)
    {
        for (var i = 0; i < Math.Max(10, iterations / 10); i++) await call();
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{query,-18} {(mode.StartsWith("asOf", StringComparison.Ordinal) ? "asOf" : mode),-8} {times[iterations / 2],7:F2}  {times[(int)(iterations * 0.95)],7:F2}"));
    }
}
