using System.CommandLine;
using Registry.EventStore;

namespace Registry.Host.Cli;

/// <summary>The options every command that touches the log shares; defaults come from REGISTRY_STORE and REGISTRY_CONNECTION.</summary>
public static class StoreOptions
{
    public static readonly Option<string> Store = new("--store")
    {
        Description = "Event log adapter: sqlite (embedded, the default) or postgres",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REGISTRY_STORE") ?? EventStoreLocation.Sqlite,
        Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = $"SQLite file (default {EventStoreLocation.DefaultSqlitePath}) or PostgreSQL connection string",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("REGISTRY_CONNECTION"),
        Recursive = true,
    };

    public static EventStoreLocation Location(ParseResult result) =>
        EventStoreLocation.Parse(result.GetValue(Store), result.GetValue(Connection));
}
