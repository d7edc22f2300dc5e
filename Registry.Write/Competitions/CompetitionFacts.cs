using Registry.Contracts.Competitions;
using Registry.Write.Pipeline;

namespace Registry.Write.Competitions;

/// <summary>What the competition rules read from a competition's stream.</summary>
public static class CompetitionFacts
{
    /// <summary>The competition, launched on or before <paramref name="on"/>.</summary>
    public static CompetitionLaunched RequireLaunched(Facts competition, string competitionId, DateOnly on)
    {
        var launched = competition.First<CompetitionLaunched>() ?? throw Rule.Broken($"competition '{competitionId}' has not been launched");
        if (on < launched.OccurredOn)
            throw Rule.Broken($"competition '{competitionId}' was launched on {launched.OccurredOn:yyyy-MM-dd}, after {on:yyyy-MM-dd}");
        return launched;
    }

    /// <summary>The competition, launched and not closed.</summary>
    public static CompetitionLaunched RequireOpen(Facts competition, string competitionId, DateOnly on)
    {
        var launched = RequireLaunched(competition, competitionId, on);
        if (competition.Last<CompetitionClosed>() is { } closed)
            throw Rule.Broken($"competition '{competitionId}' was closed on {closed.OccurredOn:yyyy-MM-dd}");
        return launched;
    }

    public static IEnumerable<ProvinceRef> Provinces(Facts competition) =>
        competition.First<CompetitionLaunched>() is { } launched ? [new ProvinceRef(launched.ProvinceCode, launched.OccurredOn)] : [];
}
