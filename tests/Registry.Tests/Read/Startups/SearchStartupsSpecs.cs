using System.Globalization;
using Registry.Contracts.Common;
using Registry.Contracts.Startups;
using Registry.Read;
using Registry.Read.Startups;

namespace Registry.Tests.Read.Startups;

public sealed class SearchStartupsSpecs(string kind) : ReadModelFixture(kind)
{
    private async Task GivenStartup(string id, string name, string province, string sector = "agritech", StartupStage stage = StartupStage.Project) =>
        await Given(StreamNames.Startup(id), new StartupRegistered(id, name, province, [sector], stage, null, [new Founder("Nguyễn Văn A")], null, null,
            new DateOnly(2022, 3, 1), "Sở KH&CN"));

    [Test]
    public async Task Search_ignores_diacritics_and_case_in_names_and_province_names()
    {
        await GivenTheMap();
        await GivenStartup("s1", "Hợp tác xã Na Lạng Sơn", "25");
        await GivenStartup("s2", "Trà Hoa Vàng", "20");
        await GivenStartup("s3", "Cà phê Đắk Lắk", "66");
        await GivenStartup("s4", "Mật ong Hoà Bình", "17");
        await Projected();

        var langSon = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "lang son"), default);
        Assert.That(langSon.Items.Select(s => s.StartupId), Is.EquivalentTo(new[] { "s1", "s2" }));
        var upper = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "LẠNG SƠN"), default);
        Assert.That(upper.Total, Is.EqualTo(2));
        var dakLak = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "dak lak"), default);
        Assert.That(dakLak.Items.Select(s => s.StartupId), Is.EqualTo(new[] { "s3" }));
    }

    [Test]
    public async Task On_the_2025_map_a_units_name_finds_the_startups_of_the_units_merged_into_it()
    {
        await GivenTheMap();
        await GivenStartup("vp", "An Phát", "26"); // Vĩnh Phúc, merged into Phú Thọ in 2025
        await GivenStartup("pt", "Bình Minh", "25");
        await GivenStartup("ls", "Cao Nguyên", "20");
        await Projected();

        var map2025 = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "phu tho"), default);
        Assert.That(map2025.Items.Select(s => (s.StartupId, s.ProvinceName)), Is.EquivalentTo(new[] { ("vp", "Phú Thọ"), ("pt", "Phú Thọ") }));
        var oldMap = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "phu tho", Map: "pre2025"), default);
        Assert.That(oldMap.Items.Select(s => s.StartupId), Is.EqualTo(new[] { "pt" }));
        var byOldName = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "vinh phuc"), default);
        Assert.That(byOldName.Items.Select(s => s.StartupId), Is.EqualTo(new[] { "vp" }));
    }

    [Test]
    public async Task Filters_page_and_sort_and_rejects_bad_parameters_by_name()
    {
        await GivenTheMap();
        await GivenStartup("a", "An Phát", "26", "fintech", StartupStage.Company);
        await GivenStartup("b", "Bình Minh", "25", "fintech");
        await GivenStartup("c", "Cao Nguyên", "25", "agritech");
        await Projected();

        var phuTho2025 = await SearchStartups.RunAsync(Db, new StartupQuery(Province: "25", Sector: "FinTech", Sort: "-name", PageSize: "1", Page: "2"), default);
        Assert.That((phuTho2025.Total, phuTho2025.Items.Single().StartupId, phuTho2025.Items.Single().ProvinceName), Is.EqualTo((2L, "a", "Phú Thọ")));
        var phuThoOld = await SearchStartups.RunAsync(Db, new StartupQuery(Province: "25", Map: "pre2025"), default);
        Assert.That(phuThoOld.Items.Select(s => s.StartupId), Is.EqualTo(new[] { "b", "c" }));

        foreach (var (query, parameter) in new[]
                 {
                     (new StartupQuery(PageSize: "500"), "pageSize"), (new StartupQuery(Page: "0"), "page"), (new StartupQuery(Sort: "age"), "sort"),
                     (new StartupQuery(Stage: "unicorn"), "stage"), (new StartupQuery(Province: "26"), "province"), (new StartupQuery(Map: "1990"), "map"),
                     (new StartupQuery(AsOf: "yesterday"), "asOf"),
                 })
            Assert.That(async () => await SearchStartups.RunAsync(Db, query, default),
                Throws.TypeOf<QueryParameterException>().With.Property(nameof(QueryParameterException.Parameter)).EqualTo(parameter));
    }

    [Test]
    public async Task Counts_matches_exactly_up_to_the_cap_or_the_page_asked_for_then_says_at_least()
    {
        await GivenTheMap();
        for (var i = 0; i < SearchStartups.CountCap + 5; i++) await GivenStartup($"s{i:D4}", $"Sen Vàng {i:D4}", "20");
        await GivenStartup("other", "Trà Hoa Vàng", "20");
        await Projected();

        var first = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "sen"), default);
        Assert.That((first.Total, first.TotalExact), Is.EqualTo(((long)SearchStartups.CountCap + 1, false)));
        Assert.That(first.Items.Select(s => s.StartupId), Is.EqualTo(Enumerable.Range(0, 20).Select(i => $"s{i:D4}")));
        var last = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "sen", Page: "51", PageSize: "20"), default);
        Assert.That((last.Total, last.TotalExact), Is.EqualTo(((long)SearchStartups.CountCap + 5, true)));
        Assert.That(last.Items.Select(s => s.StartupId), Is.EqualTo(Enumerable.Range(1000, 5).Select(i => $"s{i:D4}")));
        var vang = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "hoa vang"), default);
        Assert.That((vang.Total, vang.TotalExact, vang.Items.Single().StartupId), Is.EqualTo((1L, true, "other")));
    }

    [Test]
    public async Task A_word_deep_in_a_long_description_matches_as_a_short_one_does()
    {
        await GivenTheMap();
        var longText = string.Join(' ', Enumerable.Repeat("Nông sản sạch cho mọi nhà.", 150)) + " Cuối cùng: hạt điều Bình Phước.";
        await Given(StreamNames.Startup("long"), new StartupRegistered("long", "Điều Vàng", "20", ["agritech"], StartupStage.Project, null, [], longText, null,
            new DateOnly(2021, 5, 1), "Sở KH&CN"));
        await GivenStartup("short", "Hạt Điều Bình Phước", "20");
        await GivenStartup("other", "Cà phê Đắk Lắk", "66");
        await Projected();

        var byName = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "hat dieu binh phuoc"), default);
        Assert.That((byName.Total, byName.TotalExact), Is.EqualTo((2L, true)));
        Assert.That(byName.Items.Select(s => s.StartupId), Is.EqualTo(new[] { "long", "short" }));
        var byRegistration = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "dieu", Sort: "registered"), default);
        Assert.That(byRegistration.Items.Select(s => s.StartupId), Is.EqualTo(new[] { "long", "short" }));
        var inLangSon = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "lang son", Sort: "-name"), default);
        Assert.That(inLangSon.Items.Select(s => s.StartupId), Is.EqualTo(new[] { "short", "long" }));
        var everyProvince = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "tinh"), default);
        Assert.That(everyProvince.Items.Select(s => s.StartupId), Is.EqualTo(new[] { "other", "long", "short" }), "every unit is a 'Tỉnh'");
    }

    [Test]
    public async Task Words_shorter_than_a_trigram_still_match()
    {
        await GivenTheMap();
        await GivenStartup("s1", "Cà phê Đắk Lắk", "66");
        await GivenStartup("s2", "Mật ong Hoà Bình", "17");
        await Projected();

        var ca = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "Cà"), default);
        Assert.That((ca.Total, ca.TotalExact, ca.Items.Single().StartupId), Is.EqualTo((1L, true, "s1")));
        var o = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "ô"), default);
        Assert.That(o.Items.Select(s => s.StartupId), Is.EqualTo(new[] { "s2" }));
    }

    [Test]
    public async Task A_search_that_matches_nothing_answers_an_empty_page()
    {
        await GivenTheMap();
        await GivenStartup("s1", "Cà phê Đắk Lắk", "66");
        await Projected();

        var none = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "mat ong"), default);
        Assert.That((none.Items.Count, none.Total, none.TotalExact), Is.EqualTo((0, 0L, true)));
    }

    [Test]
    public async Task A_renamed_startup_is_found_by_any_part_of_the_words_each_version_had_as_of_then()
    {
        await GivenTheMap();
        var (_, registered) = await Given(StreamNames.Startup("s1"), new StartupRegistered("s1", "Hạt Điều Bình Phước 87", "20", ["agritech"],
            StartupStage.Project, null, [], null, null, new DateOnly(2022, 3, 1), "Sở KH&CN"));
        await GivenStartup("s2", "Cà phê 87", "66");
        await GivenStartup("s3", "Mật ong 587", "17");
        await Given(StreamNames.Startup("s1"), new StartupProfileUpdated("s1", "Điều Vàng 870", null, null, null, null, null, new DateOnly(2023, 1, 1), "Sở KH&CN"));
        await Projected();

        Assert.That(await Found("binh phuoc 8", registered), Is.EqualTo(new[] { "s1" }));
        Assert.That(await Found("binh phuoc 8"), Is.Empty, "not what the registry says now");
        Assert.That(await Found("ieu vang 87"), Is.EqualTo(new[] { "s1" }), "the end of a word, a whole word, the start of one");
        Assert.That(await Found("ieu vang 87", registered), Is.Empty);
        Assert.That(await Found("87"), Is.EqualTo(new[] { "s2", "s1", "s3" }), "inside a word, in name order");
    }

    [Test]
    public async Task Words_in_more_startups_than_the_word_index_narrows_down_match_as_rare_words_do()
    {
        await GivenTheMap();
        for (var i = 0; i <= WordCandidates.Cap; i++) await GivenStartup($"s{i:D4}", $"Sen Vàng {i:D4}", "20");
        await GivenStartup("other", "Trà Sen Vàng", "20");
        await Projected();

        var common = await SearchStartups.RunAsync(Db, new StartupQuery(Q: "sen vang"), default);
        Assert.That((common.Total, common.TotalExact), Is.EqualTo(((long)SearchStartups.CountCap + 1, false)));
        Assert.That(common.Items.Select(s => s.StartupId), Is.EqualTo(Enumerable.Range(0, 20).Select(i => $"s{i:D4}")));
        Assert.That(await Found("en vang 000"), Is.EqualTo(Enumerable.Range(0, 10).Select(i => $"s{i:D4}")), "a few of them");
        Assert.That(await Found("tra sen v"), Is.EqualTo(new[] { "other" }));
    }

    private async Task<IEnumerable<string>> Found(string q, long? asOf = null) =>
        (await SearchStartups.RunAsync(Db, new StartupQuery(Q: q, AsOf: asOf?.ToString(CultureInfo.InvariantCulture)), default)).Items.Select(s => s.StartupId);
}
