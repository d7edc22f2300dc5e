using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Startups;
using Registry.EventStore;
using Registry.Projections;
using Registry.Read;
using Registry.Read.Startups;
using Registry.Tests.Projections.Runtime;

namespace Registry.Tests.Read;

/// <summary>
/// Given read models that have not yet applied the newest events (a server just started, a large import), when a
/// query answers, then it says the position its rows are complete up to, not the log's head.
/// </summary>
public sealed class ReadPointSpecs(string kind) : ProjectionRuntimeFixture(kind)
{
    private async Task<long> RegisterAsync(string id)
    {
        var day = new DateOnly(2023, 5, 1);
        var fact = new StartupRegistered(id, "Hoa Sen " + id, "20", ["agritech"], StartupStage.Project, null, [], null, null, day, "test");
        return (await Store.AppendAsync(StreamNames.Startup(id), ExpectedRevision.Any,
        [
            new EventData(Guid.NewGuid(), nameof(StartupRegistered), JsonSerializer.SerializeToUtf8Bytes(fact, RegistryJson.Options),
                JsonSerializer.SerializeToUtf8Bytes(new EventMetadata(day, "test", "test", Guid.NewGuid(), Guid.NewGuid()), RegistryJson.Options)),
        ])).LastPosition;
    }

    private async Task<(long AsOf, List<string> Ids)> DirectoryAsync()
    {
        await using var db = ReadDatabase.For(Location);
        var page = await SearchStartups.RunAsync(db, new StartupQuery(null, null, null, null, null, null, null, null, null, null), CancellationToken.None);
        return (page.AsOfPosition, page.Items.Select(s => s.StartupId).ToList());
    }

    [Test]
    public async Task A_query_while_the_projections_are_behind_answers_as_of_where_they_are_and_then_as_of_the_head()
    {
        var projected = await RegisterAsync("hoa-sen");
        StartRunner([.. RegistryProjections.All]);
        await CatchUpAsync([.. RegistryProjections.All.Select(p => p.Name)]);
        await StopRunnersAsync();
        var head = await RegisterAsync("sen-hong");

        var behind = await DirectoryAsync();
        Assert.That(behind.AsOf, Is.EqualTo(projected), "as of the position the read models reached, not the head");
        Assert.That(behind.Ids, Is.EqualTo(new[] { "hoa-sen" }));

        StartRunner([.. RegistryProjections.All]);
        await CatchUpAsync([.. RegistryProjections.All.Select(p => p.Name)]);
        var caughtUp = await DirectoryAsync();
        Assert.That(caughtUp.AsOf, Is.EqualTo(head));
        Assert.That(caughtUp.Ids, Is.EquivalentTo(new[] { "hoa-sen", "sen-hong" }));
    }
}
