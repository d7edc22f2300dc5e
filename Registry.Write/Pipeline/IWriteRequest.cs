using Mediator;
using Registry.Contracts.Common;

namespace Registry.Write.Pipeline;

/// <summary>The Mediator message of every use case: the command, its context, and the use case that knows its rules.</summary>
public interface IWriteRequest : ICommand<CommandResult>
{
    IRegistryCommand Command { get; }
    CommandContext Context { get; }
    IUseCase UseCase { get; }
}
