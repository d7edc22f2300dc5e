using Registry.Contracts.Common;
using Registry.Contracts.Figures;
using Registry.Contracts.Plans;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Figures;

public sealed class FigureSpecs : WriteSpecification
{
    [Test]
    public async Task A_figure_is_kept_as_the_source_states_it()
    {
        var c = new ReportFigure("ls-applications-2019-2023", PlanMetric.ValidApplications, "20", 2019, 2023, Figure.Exact(238), "applications",
            "238 hồ sơ hợp lệ giai đoạn 2019–2023", new DateOnly(2024, 1, 10), "seed 002");
        await ThenWrote(await When(c), "figure-ls-applications-2019-2023", new FigureReported(c.FigureId, c.Metric, c.ProvinceCode, 2019, 2023,
            Figure.Exact(238), "applications", c.Statement, c.OccurredOn, c.Source));
        await ThenRefused(await When(c), CommandErrorKind.RuleBroken, "already reported");
    }

    [Test]
    public async Task A_figure_measures_a_metric_over_a_period()
    {
        var outcome = await When(new ReportFigure("f", "vibes", null, 2023, 2019, new Figure(700, FigureQualifier.AtLeast), "u", "hơn 700", new DateOnly(2024, 1, 1), "s"));
        await ThenRefused(outcome, CommandErrorKind.Invalid, "must be one of", "metric");
        Assert.That(outcome.Error!.Errors.Keys, Does.Contain("periodTo"));
    }

    [Test]
    public async Task A_national_figure_is_for_administrators()
    {
        var c = new ReportFigure("f", PlanMetric.StartupsSupported, null, 2016, 2020, Figure.Exact(200), "startups", "200 doanh nghiệp", new DateOnly(2021, 1, 1), "s");
        await ThenRefused(await When(c, Editor("20")), CommandErrorKind.Forbidden, "national facts");
    }
}
