namespace Registry.Tests.Infrastructure;

/// <summary>
/// The <c>registry</c> executable that tests run as a real process: the one built beside the tests (Registry.Host is
/// a project reference), so it is always the code under test, never a stale publish.
/// </summary>
public static class RegistryExecutable
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "registry");
}
