using Registry.Host.Cli.Bench;
using Registry.Projections;
using Registry.Projections.Rebuild;
using Registry.Projections.Runtime;
using Registry.Read;
using Registry.Tests.Projections.Runtime;

namespace Registry.Tests.Projections.Rebuild;

/// <summary>
/// <c>bench rebuild</c> reports its ratio to a raw limit measured in the same run: the rebuilt rows copied inside the
/// database into bare tables and indexed alike. That limit means something only if the copies really hold every row
/// and every index of the rebuilt tables, and it must leave nothing behind.
/// </summary>
public sealed class ReadModelRawLimitSpecs(string kind) : ProjectionRuntimeFixture(kind)
{
    private const int Generation = 2;

    [Test]
    public async Task The_copies_hold_every_row_and_index_of_the_rebuilt_tables_and_are_dropped_after()
    {
        await GeneratedHistory.AppendAsync(Store, 2_000);
        await using var db = ReadDatabase.For(Location);
        var projections = ReadModels.All();
        await new OfflineRebuilder(Store, db.CreateConnection, db.Dialect).RebuildAsync(projections, Generation);
        var tables = projections.SelectMany(p => p.Tables.Select(t => ProjectionBatch.TableName(t, Generation))).ToList();

        await ReadModelRawLimit.CopyAsync(db, tables, CancellationToken.None);

        var rows = 0;
        foreach (var table in tables)
        {
            var copy = ReadModelRawLimit.CopyOf(table);
            var original = await RowsAsync(table);
            Assert.That(await RowsAsync(copy), Is.EqualTo(original), $"{copy}: the rows of {table}");
            Assert.That(await IndexCountAsync(copy), Is.EqualTo(await IndexCountAsync(table)), $"{copy}: the indexes of {table}");
            rows += original.Count;
        }
        Assert.That(rows, Is.GreaterThan(1_000), "the history produced rows to copy");

        await ReadModelRawLimit.DropCopiesAsync(db, tables, CancellationToken.None);
        foreach (var table in tables) Assert.That(await TableExistsAsync(ReadModelRawLimit.CopyOf(table)), Is.False, $"{table}'s copy is dropped");
    }

    private Task<long> IndexCountAsync(string table) => ScalarAsync(Kind == Infrastructure.StoreKind.Sqlite
        ? "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = @t"
        : "SELECT count(*) FROM pg_indexes WHERE tablename = @t", new { t = table });
}
