using Dapper;
using Registry.Contracts.Common;
using Registry.Contracts.Startups;
using Registry.Projections.Runtime;
using Registry.Tests.Read;

namespace Registry.Tests.Projections.Startups;

public sealed class StartupWordsSpecs(string kind) : ReadModelFixture(kind)
{
    [Test]
    public async Task On_SQLite_the_word_index_holds_each_word_a_startup_had_in_any_version_and_on_PostgreSQL_stays_empty()
    {
        await GivenTheMap();
        await Given(StreamNames.Startup("s1"), new StartupRegistered("s1", "Hạt Điều Bình Phước", "20", ["agritech"], StartupStage.Project, null, [], null, null,
            new DateOnly(2022, 3, 1), "Sở KH&CN"));
        await Given(StreamNames.Startup("s1"), new StartupProfileUpdated("s1", "Điều Vàng", null, null, null, null, null, new DateOnly(2023, 1, 1), "Sở KH&CN"));
        await Given(StreamNames.Startup("s1"), new StartupProfileUpdated("s1", "Hạt Điều", null, null, null, null, null, new DateOnly(2024, 1, 1), "Sở KH&CN"));
        await Given(StreamNames.Startup("s2"), new StartupRegistered("s2", "Điều Xanh", "20", ["agritech"], StartupStage.Project, null, [], null, null,
            new DateOnly(2022, 3, 1), "Sở KH&CN"));
        await Projected();

        await using var connection = await Db.OpenAsync(default);
        var words = (await connection.QueryAsync<string>("SELECT word FROM startup_words WHERE startup_id = 's1' ORDER BY word")).ToList();
        var vocabulary = (await connection.QueryAsync<string>("SELECT word FROM startup_vocabulary ORDER BY word")).ToList();
        if (Db.Dialect == SqlDialect.Postgres)
        {
            Assert.That((words, vocabulary), Is.EqualTo((new List<string>(), new List<string>())));
            return;
        }
        Assert.That(words, Is.EqualTo(new[] { "agritech", "binh", "dieu", "hat", "hat", "phuoc", "vang" }),
            "a word is recorded again only when a version brings it back");
        Assert.That(vocabulary, Is.EqualTo(new[] { "agritech", "binh", "dieu", "hat", "phuoc", "vang", "xanh" }));
    }
}
