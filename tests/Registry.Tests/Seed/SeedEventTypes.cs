using Registry.Contracts.Competitions;
using Registry.Contracts.Corrections;
using Registry.Contracts.EcosystemEvents;
using Registry.Contracts.Figures;
using Registry.Contracts.IndexScores;
using Registry.Contracts.Organizations;
using Registry.Contracts.Plans;
using Registry.Contracts.Provinces;
using Registry.Contracts.Startups;
using Registry.Contracts.Trainings;

namespace Registry.Tests.Seed;

/// <summary>The event each seeded command produces: a command has exactly the fields of its event.</summary>
public static class SeedEventTypes
{
    public static IReadOnlyDictionary<string, Type> ByCommand { get; } = new Dictionary<string, Type>
    {
        ["RegisterProvince"] = typeof(ProvinceRegistered),
        ["RenameProvince"] = typeof(ProvinceRenamed),
        ["ReorganizeProvinces"] = typeof(ProvincesReorganized),
        ["RegisterSupportOrganization"] = typeof(SupportOrganizationRegistered),
        ["RenameOrganization"] = typeof(OrganizationRenamed),
        ["AdoptProvincialPlan"] = typeof(ProvincialPlanAdopted),
        ["IssueResolution"] = typeof(ResolutionIssued),
        ["RegisterStartup"] = typeof(StartupRegistered),
        ["GrantSupport"] = typeof(SupportGranted),
        ["RecordFunding"] = typeof(FundingRecorded),
        ["LaunchCompetition"] = typeof(CompetitionLaunched),
        ["RecordApplications"] = typeof(ApplicationsRecorded),
        ["AwardPrize"] = typeof(PrizeAwarded),
        ["CloseCompetition"] = typeof(CompetitionClosed),
        ["RecordTraining"] = typeof(TrainingRecorded),
        ["RecordEcosystemEvent"] = typeof(EcosystemEventRecorded),
        ["PublishIndexScore"] = typeof(IndexScorePublished),
        ["ReportFigure"] = typeof(FigureReported),
        ["CorrectFact"] = typeof(FactCorrected),
    };
}
