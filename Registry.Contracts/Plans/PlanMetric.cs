namespace Registry.Contracts.Plans;

/// <summary>
/// What a plan target measures. Each metric has an actual figure the registry computes from itemized facts, so that
/// targets and actuals can be compared per year.
/// </summary>
public static class PlanMetric
{
    /// <summary>Startups registered (StartupRegistered) in the province.</summary>
    public const string StartupsRegistered = "startups_registered";
    /// <summary>Distinct startups or projects granted support (SupportGranted).</summary>
    public const string StartupsSupported = "startups_supported";
    /// <summary>Startups that raised funding (FundingRecorded).</summary>
    public const string StartupsFunded = "startups_funded";
    /// <summary>Funding raised, in VND.</summary>
    public const string FundingVnd = "funding_vnd";
    /// <summary>Startup competitions held (CompetitionLaunched).</summary>
    public const string CompetitionsHeld = "competitions_held";
    /// <summary>Valid competition applications (ApplicationsRecorded.Valid).</summary>
    public const string ValidApplications = "valid_applications";
    /// <summary>Prizes awarded (PrizeAwarded).</summary>
    public const string PrizesAwarded = "prizes_awarded";
    /// <summary>Trainings held (TrainingRecorded).</summary>
    public const string TrainingsHeld = "trainings_held";
    /// <summary>Training participants, counted per attendance ("lượt người").</summary>
    public const string TrainingParticipants = "training_participants";
    /// <summary>Workshops, forums, Techfests and other ecosystem events held.</summary>
    public const string EcosystemEventsHeld = "ecosystem_events_held";
    /// <summary>Support organizations registered (incubators, co-working spaces, centres, funds…).</summary>
    public const string SupportOrganizations = "support_organizations";
    /// <summary>Products exhibited at ecosystem events (EcosystemEventRecorded.Exhibits): Hải Phòng reports "hơn 700" over its Techfests.</summary>
    public const string EcosystemEventExhibits = "ecosystem_event_exhibits";

    public static IReadOnlyList<string> All { get; } =
    [
        StartupsRegistered, StartupsSupported, StartupsFunded, FundingVnd, CompetitionsHeld, ValidApplications,
        PrizesAwarded, TrainingsHeld, TrainingParticipants, EcosystemEventsHeld, SupportOrganizations, EcosystemEventExhibits,
    ];
}
