namespace Registry.Host.Seed;

/// <summary>What a seeding did: facts recorded now, facts found already recorded, and lines refused with the reason.</summary>
public sealed class SeedSummary
{
    public int Recorded { get; set; }
    public int AlreadyThere { get; set; }
    public List<(SeedLine Line, string Reason)> Rejected { get; } = [];

    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"Seed: {Recorded} recorded, {AlreadyThere} already there, {Rejected.Count} rejected");
        foreach (var (line, reason) in Rejected) output.WriteLine($"  rejected {line.Where}: {reason}");
    }
}
