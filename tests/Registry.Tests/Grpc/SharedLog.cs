using System.Text;
using Registry.EventStore;
using Registry.EventStore.Sqlite;

using Registry.Tests.Infrastructure;

namespace Registry.Tests.Grpc;

/// <summary>A SQLite log file that the test writes to directly while a <see cref="RegistryServer"/> serves it.</summary>
public sealed class SharedLog
{
    public string Path { get; } =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "registry-tests", Guid.NewGuid().ToString("N"), "registry.db");

    public async Task AppendAsync(string stream, params string[] eventTypes)
    {
        await using var store = await SqliteEventStore.OpenAsync(Path);
        var events = eventTypes.Select(type => new EventData(Guid.NewGuid(), type,
            Encoding.UTF8.GetBytes($$"""{"stream":"{{stream}}","type":"{{type}}"}"""),
            Encoding.UTF8.GetBytes("""{"source":"test"}"""))).ToList();
        await store.AppendAsync(stream, ExpectedRevision.Any, events);
    }
}
