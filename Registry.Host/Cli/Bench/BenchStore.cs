using System.CommandLine;
using Registry.EventStore;

namespace Registry.Host.Cli.Bench;

/// <summary>Where the read-model benchmarks work: the --store/--connection given, or by default a SQLite file of their own (never the registry's).</summary>
public static class BenchStore
{
    public const string DefaultSqlitePath = "data/bench-readmodels.db";

    public static EventStoreLocation Location(ParseResult result) =>
        result.GetValue(StoreOptions.Connection) is null && result.GetValue(StoreOptions.Store) == EventStoreLocation.Sqlite
            ? new EventStoreLocation(EventStoreLocation.Sqlite, DefaultSqlitePath)
            : StoreOptions.Location(result);

    /// <summary>Peak resident memory of this process since the last <see cref="ResetPeakMemory"/> (Linux: VmHWM), in MB.</summary>
    public static double PeakMemoryMb()
    {
        foreach (var line in File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status") : [])
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return double.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024;
    }

    /// <summary>Resets the kernel's peak-RSS mark, so that the rebuild's peak excludes generating the history.</summary>
    public static void ResetPeakMemory()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
