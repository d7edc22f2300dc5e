namespace Registry.Host.Cli.Import;

/// <summary>What an import did: rows recorded now, rows recorded by an earlier run (nothing written), rows refused.</summary>
public sealed record ImportSummary(int Rows, int Recorded, int AlreadyRecorded, int Rejected, string? RejectsFile);
