using System.Text;
using Dapper;
using Registry.EventStore;
using Registry.Projections.Runtime;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Projections.Runtime;

/// <summary>Base of the runtime specifications: each runs once per adapter, with a fresh log and runtime per test.</summary>
[TestFixtureSource(typeof(StoreKind), nameof(StoreKind.All))]
public abstract class ProjectionRuntimeFixture(string kind)
{
    private readonly List<(CancellationTokenSource Stop, Task Run)> _runners = [];

    protected string Kind { get; } = kind;
    protected EventStoreLocation Location { get; private set; } = null!;
    protected SqlEventStore Store { get; private set; } = null!;
    protected ProjectionDatabase Database { get; private set; } = null!;

    /// <summary>Short control interval: operator requests are seen quickly without making anything timed.</summary>
    protected static readonly ProjectionRunnerOptions FastOptions = new() { ControlInterval = TimeSpan.FromMilliseconds(100), BatchSize = 100 };

    [SetUp]
    public async Task Open()
    {
        Location = StoreKind.NewLocation(Kind);
        Store = await Location.OpenAsync();
        Database = await ProjectionDatabase.OpenAsync(Location);
    }

    [TearDown]
    public async Task Close()
    {
        foreach (var (stop, _) in _runners) await stop.CancelAsync();
        foreach (var (_, run) in _runners) await run;
        _runners.Clear();
        await Store.DisposeAsync();
    }

    /// <summary>Starts a runner in the background; the test's teardown stops it.</summary>
    protected ProjectionRunner StartRunner(params IProjection[] projections)
    {
        var runner = new ProjectionRunner(Database, Store, projections, FastOptions);
        var stop = new CancellationTokenSource();
        _runners.Add((stop, runner.RunAsync(stop.Token)));
        return runner;
    }

    protected async Task StopRunnersAsync()
    {
        foreach (var (stop, _) in _runners) await stop.CancelAsync();
        foreach (var (_, run) in _runners) await run;
        _runners.Clear();
    }

    /// <summary>Appends <paramref name="count"/> events spread over <paramref name="streams"/> streams, in appends of up to 100.</summary>
    protected async Task<long> AppendAsync(int count, int streams = 50, string type = "StartupRegistered")
    {
        var last = 0L;
        for (var done = 0; done < count;)
        {
            var n = Math.Min(100, count - done);
            var stream = $"startup-{done / 100 % streams}";
            var events = Enumerable.Range(0, n).Select(i => new EventData(Guid.NewGuid(), i % 3 == 0 ? type : "StartupRenamed",
                Encoding.UTF8.GetBytes($$"""{"n":{{done + i}}}"""), Encoding.UTF8.GetBytes("{}"))).ToList();
            last = (await Store.AppendAsync(stream, ExpectedRevision.Any, events)).LastPosition;
            done += n;
        }
        return last;
    }

    protected async Task<long> AppendOneAsync(string stream, string type) =>
        (await Store.AppendAsync(stream, ExpectedRevision.Any, [new EventData(Guid.NewGuid(), type, "{}"u8.ToArray(), "{}"u8.ToArray())])).LastPosition;

    /// <summary>Waits (up to a generous bound, so a bug fails instead of hanging) until the named projections' active
    /// generations reach the head.</summary>
    protected async Task CatchUpAsync(params string[] names)
    {
        var head = await Store.GetHeadPositionAsync();
        var reached = await new ProjectionWaiter(Database, names).WaitForPositionAsync(head, TimeSpan.FromSeconds(60));
        Assert.That(reached, Is.True, $"projections {string.Join(", ", names)} did not reach {head}");
    }

    /// <summary>Waits (up to a generous bound) until <paramref name="condition"/> holds of the statuses.</summary>
    protected async Task<IReadOnlyList<ProjectionStatus>> StatusWhenAsync(Func<IReadOnlyList<ProjectionStatus>, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var statuses = await ProjectionStatusReader.ReadAsync(Database);
            if (condition(statuses)) return statuses;
            if (DateTime.UtcNow > deadline) Assert.Fail($"never: {what}; last status: {string.Join("; ", statuses)}");
            await Task.Delay(50);
        }
    }

    /// <summary>Every row of a table or view, as sorted text: what "identical" means when tables are compared.</summary>
    protected async Task<List<string>> RowsAsync(string table)
    {
        await using var connection = await Database.OpenConnectionAsync();
        var rows = await connection.QueryAsync($"SELECT * FROM {table}");
        return rows.Select(r => string.Join("|", ((IDictionary<string, object?>)r).OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")))
            .Order(StringComparer.Ordinal).ToList();
    }

    protected async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var connection = await Database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    protected async Task<bool> TableExistsAsync(string table) => await ScalarAsync(Kind == StoreKind.Sqlite
        ? "SELECT count(*) FROM sqlite_master WHERE name = @table"
        : "SELECT count(*) FROM information_schema.tables WHERE table_name = @table", new { table }) > 0;
}
