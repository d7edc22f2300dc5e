using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Read.Competitions;

namespace Registry.Tests.Read.Competitions;

/// <summary>A competition as the registry answers it: its applications say how sure each count is, as the sources do.</summary>
public sealed class CompetitionQuerySpecs(string kind) : ReadModelFixture(kind)
{
    [Test]
    public async Task Applications_keep_their_qualifier_so_a_count_the_source_did_not_state_is_not_read_as_stated()
    {
        await GivenTheMap();
        await Given(StreamNames.Competition("ls-2021"), new CompetitionLaunched("ls-2021", "Cuộc thi khởi nghiệp Lạng Sơn 2021", "20", 2021, "Sở KH&CN",
            new DateOnly(2021, 3, 1), "seed 002"));
        // "năm 2021: 46 hồ sơ hợp lệ; số hồ sơ nhận không nêu": at least as many received as were valid.
        await Given(StreamNames.Competition("ls-2021"), new ApplicationsRecorded("ls-2021", new Figure(46, FigureQualifier.AtLeast), Figure.Exact(46),
            new DateOnly(2021, 9, 1), "seed 002"));
        await Projected();

        var competition = await GetCompetition.RunAsync(Db, "ls-2021", null, default);

        Assert.That((competition!.Received, competition.ReceivedQualifier, competition.Valid, competition.ValidQualifier),
            Is.EqualTo(((decimal?)46m, (FigureQualifier?)FigureQualifier.AtLeast, (decimal?)46m, (FigureQualifier?)FigureQualifier.Exact)));
    }
}
