using Registry.Tests.Infrastructure;

namespace Registry.Tests.Seed;

/// <summary>
/// The shared data tables the seed is built from, as verbatim copies in <c>Seed/Sources/</c> (the originals are in
/// <c>../shared/data/</c>, outside the repository, which a checkout elsewhere does not have).
/// </summary>
public static class SharedData
{
    public static string File(string name) => Path.Combine(RepositoryRoot.Path, "tests", "Registry.Tests", "Seed", "Sources", name);

    /// <summary>The reform table: (old code, new code) per row, header skipped.</summary>
    public static IReadOnlyList<(string OldCode, string NewCode)> ReformRows() =>
        System.IO.File.ReadLines(File("provinces-2025-reform.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',')).Select(f => (f[0], f[2])).ToList();
}
