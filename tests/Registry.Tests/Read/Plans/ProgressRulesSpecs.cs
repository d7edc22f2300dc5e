using Registry.Contracts.Plans;
using Registry.Read.Plans;

namespace Registry.Tests.Read.Plans;

public sealed class ProgressRulesSpecs
{
    private static readonly DateOnly Start = new(2024, 1, 1), End = new(2024, 12, 31);

    [TestCase(10, "2024-03-01", TargetStatus.Met)]
    [TestCase(6, "2024-07-01", TargetStatus.OnTrack)]
    [TestCase(4, "2024-07-01", TargetStatus.Behind)]
    [TestCase(0, "2023-12-01", TargetStatus.OnTrack)]
    [TestCase(9, "2025-01-01", TargetStatus.Behind)]
    public void A_target_of_10_in_2024(int actual, string reference, TargetStatus expected) =>
        Assert.That(ProgressRules.Judge(10, actual, Start, End, DateOnly.Parse(reference)).Status, Is.EqualTo(expected));
}
