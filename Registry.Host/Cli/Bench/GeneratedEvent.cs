using Registry.Contracts.Common;

namespace Registry.Host.Cli.Bench;

/// <summary>One event of a generated history: its stream, id and data (metadata is derived from the data).</summary>
public sealed record GeneratedEvent(string Stream, Guid EventId, IRegistryEvent Data);
