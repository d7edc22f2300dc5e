namespace Registry.Write.Pipeline;

/// <summary>How a pipeline step or a decider refuses a command; <see cref="CommandSender"/> turns it into an outcome.</summary>
public sealed class CommandRejectedException(CommandError error) : Exception(error.Detail)
{
    public CommandError Error { get; } = error;
}
