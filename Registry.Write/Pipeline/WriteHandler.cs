using Mediator;
using Registry.Contracts.Common;

namespace Registry.Write.Pipeline;

/// <summary>The Mediator handler every use case shares: it runs the command through <see cref="CommandExecutor"/> with the use case's rules.</summary>
public abstract class WriteHandler<TRequest, TCommand>(CommandExecutor executor, UseCase<TCommand> useCase) : ICommandHandler<TRequest, CommandResult>
    where TRequest : IWriteRequest
    where TCommand : class, IRegistryCommand
{
    public ValueTask<CommandResult> Handle(TRequest request, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(useCase, (TCommand)request.Command, request.Context, cancellationToken);
}
