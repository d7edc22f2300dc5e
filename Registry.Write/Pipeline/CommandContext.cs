namespace Registry.Write.Pipeline;

/// <summary>What travels with a command besides its fields: its id (the idempotency key), the sender, and the chain it belongs to.</summary>
public sealed record CommandContext(Guid CommandId, Principal Principal, Guid CorrelationId)
{
    public CommandContext(Guid commandId, Principal principal) : this(commandId, principal, commandId) { }
}
