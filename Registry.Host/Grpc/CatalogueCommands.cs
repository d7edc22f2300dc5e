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

namespace Registry.Host.Grpc;

/// <summary>
/// Which command records each event of the catalogue. A gRPC append proposes an event; the registry executes the
/// command that produces it (a command has exactly its event's fields), so every rule of the write side applies.
/// Written out rather than derived from names, so that a new event is a deliberate decision here.
/// </summary>
public static class CatalogueCommands
{
    private static readonly Dictionary<string, string> ByEventType = new(StringComparer.Ordinal)
    {
        [nameof(ProvinceRegistered)] = nameof(RegisterProvince),
        [nameof(ProvincesReorganized)] = nameof(ReorganizeProvinces),
        [nameof(ProvinceRenamed)] = nameof(RenameProvince),
        [nameof(ProvincialPlanAdopted)] = nameof(AdoptProvincialPlan),
        [nameof(PlanTargetRevised)] = nameof(RevisePlanTarget),
        [nameof(PlanSuperseded)] = nameof(SupersedePlan),
        [nameof(ResolutionIssued)] = nameof(IssueResolution),
        [nameof(StartupRegistered)] = nameof(RegisterStartup),
        [nameof(StartupProfileUpdated)] = nameof(UpdateStartupProfile),
        [nameof(StartupRelocated)] = nameof(RelocateStartup),
        [nameof(StartupIncorporated)] = nameof(IncorporateStartup),
        [nameof(StartupClosed)] = nameof(CloseStartup),
        [nameof(SupportGranted)] = nameof(GrantSupport),
        [nameof(FundingRecorded)] = nameof(RecordFunding),
        [nameof(SupportOrganizationRegistered)] = nameof(RegisterSupportOrganization),
        [nameof(OrganizationRenamed)] = nameof(RenameOrganization),
        [nameof(OrganizationClosed)] = nameof(CloseOrganization),
        [nameof(InvestorRegistered)] = nameof(RegisterInvestor),
        [nameof(MentorRegistered)] = nameof(RegisterMentor),
        [nameof(CompetitionLaunched)] = nameof(LaunchCompetition),
        [nameof(ApplicationsRecorded)] = nameof(RecordApplications),
        [nameof(PrizeAwarded)] = nameof(AwardPrize),
        [nameof(CompetitionClosed)] = nameof(CloseCompetition),
        [nameof(TrainingRecorded)] = nameof(RecordTraining),
        [nameof(EcosystemEventRecorded)] = nameof(RecordEcosystemEvent),
        [nameof(IndexScorePublished)] = nameof(PublishIndexScore),
        [nameof(FigureReported)] = nameof(ReportFigure),
        [nameof(FactCorrected)] = nameof(CorrectFact),
        [nameof(FactRetracted)] = nameof(RetractFact),
    };

    /// <summary>Claims (<c>UniqueClaim</c>): written by the command whose fact claims, never proposed on their own.</summary>
    private static readonly Dictionary<string, string> ClaimedBy = new(StringComparer.Ordinal)
    {
        [nameof(PlanNumberClaimed)] = nameof(AdoptProvincialPlan),
    };

    public static IReadOnlyDictionary<string, string> All => ByEventType;

    public static IReadOnlyDictionary<string, string> Claims => ClaimedBy;

    /// <summary>The command that records <paramref name="eventType"/>, or null for a type outside the catalogue.</summary>
    public static string? For(string eventType) => ByEventType.GetValueOrDefault(eventType);
}
