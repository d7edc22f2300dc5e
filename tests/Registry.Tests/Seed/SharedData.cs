using Registry.Tests.Infrastructure;

namespace Registry.Tests.Seed;

/// <summary>
/// The project's shared data (<c>../shared/data</c> beside the main checkout). Worktrees sit deeper than the main
/// checkout, so the folder is looked for above the repository root rather than at a fixed relative path.
/// </summary>
public static class SharedData
{
    public static string File(string name)
    {
        for (var dir = new DirectoryInfo(RepositoryRoot.Path); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", name);
            if (System.IO.File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"shared/data/{name} not found above {RepositoryRoot.Path}");
    }

    /// <summary>The reform table: (old code, new code) per row, header skipped.</summary>
    public static IReadOnlyList<(string OldCode, string NewCode)> ReformRows() =>
        System.IO.File.ReadLines(File("provinces-2025-reform.csv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',')).Select(f => (f[0], f[2])).ToList();
}
