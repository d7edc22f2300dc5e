using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Registry.EventStore;
using Registry.Host.Seed;
using Registry.Tests.Infrastructure;
using Registry.Write.Pipeline;

namespace Registry.Tests.Seed;

/// <summary>The seed through the real write side, on an empty SQLite log: every line is accepted, and a second run writes nothing.</summary>
public sealed class SeedRunSpecs
{
    private EventStoreLocation _location = null!;
    private SqlEventStore _store = null!;
    private ServiceProvider _services = null!;
    private Seeder _seeder = null!;

    [SetUp]
    public async Task OpenEmptyLog()
    {
        _location = StoreKind.NewLocation(StoreKind.Sqlite);
        _store = await _location.OpenAsync();
        _services = WriteSide.CreateProvider(_store);
        _seeder = new Seeder(_services.GetRequiredService<CommandSender>(), _store);
    }

    [TearDown]
    public async Task Close()
    {
        await _services.DisposeAsync();
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools(); // pooled connections keep the file open
        Directory.Delete(Path.GetDirectoryName(_location.Connection)!, recursive: true);
    }

    [Test]
    public async Task Every_line_is_recorded_and_a_second_run_writes_nothing()
    {
        var lines = SeedData.Load();
        Assert.That(await _seeder.IsSeededAsync(lines, CancellationToken.None), Is.False);

        var first = await _seeder.RunAsync(lines, CancellationToken.None);
        Assert.That(first.Rejected.Select(r => $"{r.Line.Where}: {r.Reason}"), Is.Empty);
        Assert.That(first.Recorded, Is.EqualTo(lines.Count));
        var head = await _store.GetHeadPositionAsync();
        Assert.That(await _seeder.IsSeededAsync(lines, CancellationToken.None), Is.True);

        var second = await _seeder.RunAsync(lines, CancellationToken.None);
        Assert.That(second.Rejected.Select(r => $"{r.Line.Where}: {r.Reason}"), Is.Empty);
        Assert.That((second.Recorded, second.AlreadyThere), Is.EqualTo((0, lines.Count)));
        Assert.That(await _store.GetHeadPositionAsync(), Is.EqualTo(head));
    }
}
