namespace Registry.Contracts.Startups;

public enum StartupStage
{
    /// <summary>Ý tưởng.</summary>
    Idea,
    /// <summary>Dự án khởi nghiệp: not yet a company.</summary>
    Project,
    /// <summary>Doanh nghiệp khởi nghiệp.</summary>
    Company,
}
