namespace Registry.Contracts.IndexScores;

public sealed record IndexScoreEntry(string ProvinceCode, string ProvinceName, int Year, decimal Score, int Rank);
