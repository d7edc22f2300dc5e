using System.Diagnostics;

namespace Registry.Tests.Infrastructure;

/// <summary>
/// The <c>registry</c> executable that tests run as a real process: the one built beside the tests (Registry.Host is
/// a project reference), so it is always the code under test, never a stale publish.
/// </summary>
public static class RegistryExecutable
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "registry");

    /// <summary>Runs one command to its end: its exit code and what it wrote to standard output and error.</summary>
    /// <param name="workingDirectory">Where it runs; the test process's own directory when null.</param>
    public static async Task<(int Code, string Output, string Error)> RunAsync(string? workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
