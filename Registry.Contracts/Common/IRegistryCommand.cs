namespace Registry.Contracts.Common;

/// <summary>
/// A request to record a fact. Each command has exactly the fields of the event it produces (RegisterStartup those of
/// StartupRegistered), so a client writes the fact it wants to see in the log.
/// </summary>
public interface IRegistryCommand
{
    DateOnly OccurredOn { get; }
    string Source { get; }
}
