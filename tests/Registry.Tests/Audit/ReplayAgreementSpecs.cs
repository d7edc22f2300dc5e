using System.Data.Common;
using System.Text.Json;
using Dapper;
using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Host.Cli.Bench;
using Registry.Projections;
using Registry.Projections.Rebuild;
using Registry.Projections.Runtime;
using Registry.Read;
using Registry.Read.Findings;
using Registry.Read.Plans;
using Registry.Read.Provinces;
using Registry.Read.Startups;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Audit;

/// <summary>
/// The proof that the temporal read models tell the truth. Given a generated history of 20,000 events (every kind,
/// corrections, retractions, the 2025 reform), when each read-model query is asked <c>asOf</c> a position P of the full
/// log, then it answers exactly what the same query answers over a replay: read models built from events 1..P alone,
/// in a second log, and asked for their current state. Checked at 200 random positions.
/// </summary>
public sealed class ReplayAgreementSpecs
{
    private const int Events = 20_000, Samples = 200;

    [Test]
    public async Task Every_query_asked_as_of_a_position_answers_what_a_replay_to_that_position_answers()
    {
        var random = new Random(2025);
        var fullLocation = StoreKind.NewLocation(StoreKind.Sqlite);
        await using var full = await fullLocation.OpenAsync();
        await AppendAsync(full, new HistoryGenerator().Generate(Events));
        var head = await full.GetHeadPositionAsync();
        await using var fullDb = ReadDatabase.For(fullLocation);
        await new OfflineRebuilder(full, fullDb.CreateConnection, fullDb.Dialect).RebuildAsync(ReadModels.All(), 1);

        var replayLocation = StoreKind.NewLocation(StoreKind.Sqlite);
        await using var replay = await replayLocation.OpenAsync();
        await using var replayDb = ReadDatabase.For(replayLocation);
        var projections = ReadModels.All();
        await using (var connection = await replayDb.OpenAsync(default))
            await new OfflineRebuilder(replay, replayDb.CreateConnection, replayDb.Dialect).CreateAsync(connection, projections, 1, default);

        var (plans, provinces) = await SubjectsAsync(fullDb);
        var drawn = new HashSet<long>();
        while (drawn.Count < Samples) drawn.Add(random.Next(1, (int)head + 1));
        var positions = drawn.Order().ToList();

        var copied = 0L;
        var compared = 0;
        var withContent = 0;
        foreach (var position in positions)
        {
            copied = await ReplayUpToAsync(full, replay, replayDb, projections, copied, position);
            Assert.That(await replay.GetHeadPositionAsync(), Is.EqualTo(position), "the replay log has exactly the events up to P");
            var asOf = position.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (name, query) in Queries(plans, provinces, random))
            {
                var expected = Json(await query(replayDb, null));
                var actual = Json(await query(fullDb, asOf));
                Assert.That(actual, Is.EqualTo(expected), $"{name} as of position {position}");
                compared++;
                if (actual.Contains("\"items\":[{", StringComparison.Ordinal) || actual.Contains("\"value\":", StringComparison.Ordinal)) withContent++;
            }
        }
        TestContext.Out.WriteLine($"{positions.Count} positions, {compared} query answers compared, {withContent} with figures or rows");
        Assert.That(withContent, Is.GreaterThan(compared / 4), "the answers compared carry data, not just empty lists");
    }

    private delegate Task<object?> Query(ReadDatabase db, string? asOf);

    private static IEnumerable<(string, Query)> Queries(IReadOnlyList<(string Number, string Province)> plans, IReadOnlyList<string> provinces, Random random)
    {
        var province = provinces[random.Next(provinces.Count)];
        var year = random.Next(2016, 2027).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var plan = plans[random.Next(plans.Count)];
        yield return ("provinces, 2025 map", async (db, asOf) => await GetProvinces.RunAsync(db, "2025", asOf, default));
        yield return ("provinces, old map", async (db, asOf) => await GetProvinces.RunAsync(db, "pre2025", asOf, default));
        foreach (var map in new[] { "2025", "pre2025" })
            yield return ($"dashboard {province} {year} {map}", async (db, asOf) => await GetProvinceDashboard.RunAsync(db, province, year, map, asOf, default));
        yield return ($"plan {plan.Number}", async (db, asOf) => await GetPlanProgress.RunAsync(db, plan.Number, plan.Province, null, asOf, default));
        yield return ("startups", async (db, asOf) => await SearchStartups.RunAsync(db, new StartupQuery(PageSize: "50", AsOf: asOf), default));
        yield return ("startups 'xanh'", async (db, asOf) => await SearchStartups.RunAsync(db, new StartupQuery(Q: "xanh", AsOf: asOf), default));
        yield return ("findings", async (db, asOf) => await GetFindings.RunAsync(db, null, null, asOf, default));
    }

    /// <summary>Copies the events after <paramref name="from"/> up to <paramref name="to"/> into the replay log, in the
    /// same order (so at the same positions), and applies them to the replay's read models.</summary>
    private static async Task<long> ReplayUpToAsync(IEventStore full, IEventStore replay, ReadDatabase replayDb, IReadOnlyList<IProjection> projections, long from, long to)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in full.ReadAllAsync(Direction.Forwards, from + 1, to - from)) events.Add(e);
        foreach (var e in events)
            await replay.AppendAsync(e.StreamName, ExpectedRevision.Any, [new EventData(e.EventId, e.EventType, e.Data, e.Metadata)]);
        var copied = new List<RecordedEvent>();
        await foreach (var e in replay.ReadAllAsync(Direction.Forwards, from + 1, to - from)) copied.Add(e);
        await using DbConnection connection = await replayDb.OpenAsync(default);
        await using var tx = await connection.BeginTransactionAsync();
        foreach (var projection in projections)
            await projection.HandleAsync(new ProjectionBatch(copied, connection, tx, replayDb.Dialect, 1), default);
        await tx.CommitAsync();
        return to;
    }

    private static async Task<(IReadOnlyList<(string, string)> Plans, IReadOnlyList<string> Provinces)> SubjectsAsync(ReadDatabase db)
    {
        await using var connection = await db.OpenAsync(default);
        var plans = (await connection.QueryAsync<(string, string)>("SELECT DISTINCT number, province_code FROM plans")).ToList();
        var provinces = (await connection.QueryAsync<string>("SELECT DISTINCT province_code FROM startups")).ToList();
        return (plans, provinces);
    }

    private static async Task AppendAsync(IEventStore store, IEnumerable<GeneratedEvent> history)
    {
        foreach (var e in history)
            await store.AppendAsync(e.Stream, ExpectedRevision.Any,
            [
                new EventData(e.EventId, e.Data.GetType().Name, JsonSerializer.SerializeToUtf8Bytes(e.Data, e.Data.GetType(), RegistryJson.Options),
                    JsonSerializer.SerializeToUtf8Bytes(new EventMetadata(e.Data.OccurredOn, "test", e.Data.Source, e.EventId, e.EventId), RegistryJson.Options)),
            ]);
    }

    private static string Json(object? value) => JsonSerializer.Serialize(value, RegistryJson.Options);
}
