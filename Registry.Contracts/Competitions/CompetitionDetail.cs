using Registry.Contracts.Common;

namespace Registry.Contracts.Competitions;

/// <summary>A competition with its applications (received, valid) and prizes, as of a log position.</summary>
public sealed record CompetitionDetail(string CompetitionId, string Name, string ProvinceCode, string ProvinceName, int Year, string Organizer,
    string Status, decimal? Received, decimal? Valid, long AsOfPosition, IReadOnlyList<PrizeSummary> Prizes,
    FigureQualifier? ReceivedQualifier = null, FigureQualifier? ValidQualifier = null);
