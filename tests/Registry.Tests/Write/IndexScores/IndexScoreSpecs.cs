using Registry.Contracts.IndexScores;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.IndexScores;

public sealed class IndexScoreSpecs : WriteSpecification
{
    private static readonly DateOnly On = new(2024, 3, 1);

    [Test]
    public async Task A_provinces_PII_score_is_published_once_a_year()
    {
        var c = new PublishIndexScore(2023, "20", 38.5m, 40, On, "pii-2023.csv");
        await ThenWrote(await When(c), "indexscore-2023", new IndexScorePublished(2023, "20", 38.5m, 40, On, "pii-2023.csv"));
        Assert.That((await When(c with { ProvinceCode = "24" })).Succeeded, Is.True);
        await ThenRefused(await When(c with { Score = 39 }), CommandErrorKind.RuleBroken, "correct it with CorrectFact");
    }

    [Test]
    public async Task The_PII_starts_in_2023_with_ranks_from_1_and_scores_up_to_100()
    {
        var outcome = await When(new PublishIndexScore(2022, "20", 120, 0, On, "s"));
        await ThenRefused(outcome, CommandErrorKind.Invalid, "first year of the PII", "year");
        Assert.That(outcome.Error!.Errors.Keys, Is.SupersetOf(new[] { "rank", "score" }));
    }
}
