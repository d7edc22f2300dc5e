using Registry.Contracts.Common;
using Registry.Contracts.Startups;
using Registry.Read.Search;

namespace Registry.Tests.Read.Search;

public sealed class SearchAllSpecs(string kind) : ReadModelFixture(kind)
{
    [Test]
    public async Task Finds_startups_by_any_part_of_their_text_in_name_order_with_the_provinces_named()
    {
        await GivenTheMap();
        var longText = string.Join(' ', Enumerable.Repeat("Nông sản sạch cho mọi nhà.", 150)) + " Cuối cùng: mật ong rừng.";
        await Given(StreamNames.Startup("long"), new StartupRegistered("long", "Ong Vàng", "20", ["agritech"], StartupStage.Project, null, [], longText, null,
            new DateOnly(2021, 5, 1), "Sở KH&CN"));
        await Given(StreamNames.Startup("short"), new StartupRegistered("short", "Mật ong Hoà Bình", "17", ["agritech"], StartupStage.Project, null, [], null, null,
            new DateOnly(2022, 3, 1), "Sở KH&CN"));
        await Projected();

        var honey = await SearchAll.RunAsync(Db, "mat ong", null, default);
        Assert.That(honey.Hits.Select(h => (h.Kind, h.Id, h.ProvinceCode)), Is.EqualTo(new[] { ("startup", "short", "17"), ("startup", "long", "20") }));
        var hoaBinh = await SearchAll.RunAsync(Db, "Hoà Bình", null, default);
        Assert.That(hoaBinh.Hits.Select(h => (h.Kind, h.Id)), Is.EquivalentTo(new[] { ("province", "17"), ("startup", "short") }));
    }
}
