using Registry.Projections.Common;
using Registry.Projections.Competitions;
using Registry.Projections.EcosystemEvents;
using Registry.Projections.Figures;
using Registry.Projections.IndexScores;
using Registry.Projections.Organizations;
using Registry.Projections.Plans;
using Registry.Projections.Provinces;
using Registry.Projections.Startups;
using Registry.Projections.Trainings;

namespace Registry.Projections;

/// <summary>Every read-model projection, for the runner to run and for rebuilds.</summary>
public static class ReadModels
{
    public static IReadOnlyList<ReadModelProjection> All() =>
    [
        new ProvincesProjection(), new StartupsProjection(), new SupportOrganizationsProjection(), new InvestorsProjection(),
        new MentorsProjection(), new CompetitionsProjection(), new TrainingsProjection(), new EcosystemEventsProjection(),
        new PlansProjection(), new ReportedFiguresProjection(), new IndexScoresProjection(),
    ];
}
