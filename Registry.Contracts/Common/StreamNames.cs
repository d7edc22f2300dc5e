namespace Registry.Contracts.Common;

/// <summary>Where each kind of fact lives in the log: streams are <c>{category}-{id}</c>.</summary>
public static class StreamNames
{
    /// <summary>The whole provincial map is one stream, since a reorganization changes many units at once.</summary>
    public const string ProvinceMap = "provinces-vn";

    public static string Plan(string planId) => $"plan-{planId}";

    public static string Resolution(string resolutionId) => $"resolution-{resolutionId}";
    public static string Startup(string startupId) => $"startup-{startupId}";
    public static string Organization(string organizationId) => $"organization-{organizationId}";
    public static string Investor(string investorId) => $"investor-{investorId}";
    public static string Mentor(string mentorId) => $"mentor-{mentorId}";
    public static string Competition(string competitionId) => $"competition-{competitionId}";
    public static string Training(string trainingId) => $"training-{trainingId}";
    public static string EcosystemEvent(string ecosystemEventId) => $"ecosystemevent-{ecosystemEventId}";
    public static string IndexScores(int year) => $"indexscore-{year}";
    public static string Figure(string figureId) => $"figure-{figureId}";
}
