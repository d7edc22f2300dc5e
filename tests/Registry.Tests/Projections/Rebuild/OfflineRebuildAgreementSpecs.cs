using Registry.Projections;
using Registry.Projections.Rebuild;
using Registry.Projections.Runtime;
using Registry.Read;
using Registry.Tests.Projections.Runtime;

namespace Registry.Tests.Projections.Rebuild;

/// <summary>
/// The offline rebuild (what <c>bench rebuild</c> measures) takes shortcuts the live runner does not: it keeps what it
/// knows of entities from one page to the next and builds the query indexes after the last event. Given a generated
/// history (every kind of event, corrections, retractions, the 2025 reform), every table it builds must hold exactly
/// the rows the live runner writes batch by batch, with the same indexes.
/// </summary>
public sealed class OfflineRebuildAgreementSpecs(string kind) : ProjectionRuntimeFixture(kind)
{
    private const int Events = 5_000;

    [TestCase(5000, 2)]
    [TestCase(7, 3)]
    public async Task An_offline_rebuild_writes_the_tables_the_live_runner_writes(int pageSize, int generation)
    {
        await GeneratedHistory.AppendAsync(Store, Events);
        var projections = ReadModels.All();
        StartRunner([.. projections]);
        await CatchUpAsync([.. projections.Select(p => p.Name)]);
        await StopRunnersAsync();

        await using var db = ReadDatabase.For(Location);
        var last = await new OfflineRebuilder(Store, db.CreateConnection, db.Dialect) { PageSize = pageSize }.RebuildAsync(projections, generation);
        Assert.That(last, Is.EqualTo(await Store.GetHeadPositionAsync()));

        var compared = 0;
        foreach (var table in projections.SelectMany(p => p.Tables))
        {
            var live = await RowsAsync(ProjectionBatch.TableName(table, 1));
            Assert.That(await RowsAsync(ProjectionBatch.TableName(table, generation)), Is.EqualTo(live), $"{table}: offline rebuild vs live runner");
            Assert.That(await IndexesAsync(table, generation), Is.EqualTo(await IndexesAsync(table, 1)), $"{table}: indexes");
            compared += live.Count;
        }
        Assert.That(await RowsAsync("startups"), Is.EqualTo(await RowsAsync(ProjectionBatch.TableName("startups", generation))), "the views show the rebuilt generation");
        TestContext.Out.WriteLine($"{compared} rows compared");
        Assert.That(compared, Is.GreaterThan(Events / 2), "the history produced rows to compare");
        Assert.That(await ScalarAsync("SELECT count(*) FROM startups_g1 WHERE revised_by IS NOT NULL"), Is.Positive, "corrections were re-derived");
        if (Kind == Infrastructure.StoreKind.Postgres)
            Assert.That(await ScalarAsync($"SELECT count(*) FROM pg_class WHERE relname LIKE '%\\_g{generation}' AND relpersistence <> 'p'"), Is.Zero,
                "the tables loaded unlogged are logged once built");
        if (Kind == Infrastructure.StoreKind.Postgres)
            Assert.That(await ScalarAsync($"SELECT count(*) FROM pg_class WHERE relname LIKE '%\\_g{generation}' AND relkind = 'r' AND relallvisible < relpages"), Is.Zero,
                "every table vacuumed once all are built: its pages all-visible, so that index-only scans do not read them");
    }

    /// <summary>The generation's index names on a table, with the generation taken out so that two generations compare.</summary>
    private async Task<List<string>> IndexesAsync(string table, int generation)
    {
        var physical = ProjectionBatch.TableName(table, generation);
        var names = await RowsAsync(Kind == Infrastructure.StoreKind.Sqlite
            ? $"(SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '{physical}')"
            : $"(SELECT indexname AS name FROM pg_indexes WHERE tablename = '{physical}') i");
        return names.Select(n => n.Replace(physical, table, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }
}
