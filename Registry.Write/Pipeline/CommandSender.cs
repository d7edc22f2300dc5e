using System.Text.Json;
using Mediator;
using Registry.Contracts.Common;
using Registry.EventStore;

namespace Registry.Write.Pipeline;

/// <summary>
/// The one entry point of the write side (HTTP, CLI, bulk import, the seed and gRPC appends all come through here). A
/// command runs the pipeline: its JSON shape, validation (every bad field named) → authorization → idempotency → load
/// state → decide → append with the expected revision. It never throws for a refused command: the outcome carries a
/// typed <see cref="CommandError"/>, and nothing is written then.
/// </summary>
public sealed class CommandSender(ISender mediator, CommandCatalogue catalogue, IEventStore store)
{
    public CommandCatalogue Catalogue => catalogue;

    /// <summary>Sends the command named <paramref name="commandName"/> (e.g. <c>RegisterStartup</c>) with its fields as JSON (camelCase).</summary>
    /// <param name="commandId">The idempotency key: sending the same command with the same id again returns the first
    /// result and writes nothing; the same id with other fields is refused (<see cref="CommandErrorKind.IdempotencyKeyReused"/>).</param>
    public async Task<CommandOutcome> SendAsync(string commandName, JsonElement body, Guid commandId, Principal principal, CancellationToken ct)
    {
        var (command, error) = Read(commandName, body);
        return command is null ? CommandOutcome.Failure(error!) : await SendAsync(command, new CommandContext(commandId, principal), ct);
    }

    /// <summary>
    /// The stream the command would write to, without sending it (gRPC checks it against the stream its client names),
    /// or why the command cannot be sent: its fields, or a fact it refers to that does not exist.
    /// </summary>
    public async Task<(string? Stream, CommandError? Error)> StreamOfAsync(string commandName, JsonElement body, CancellationToken ct)
    {
        var (command, error) = Read(commandName, body);
        if (command is null) return (null, error);
        catalogue.TryGet(commandName, out var useCase);
        try
        {
            return (await useCase.StreamOfAsync(command, store, ct), null);
        }
        catch (CommandRejectedException e)
        {
            return (null, e.Error);
        }
    }

    /// <summary>Sends a typed command (a record of Registry.Contracts such as <c>RegisterStartup</c>).</summary>
    public Task<CommandOutcome> SendAsync(IRegistryCommand command, Guid commandId, Principal principal, CancellationToken ct) =>
        SendAsync(command, new CommandContext(commandId, principal), ct);

    public async Task<CommandOutcome> SendAsync(IRegistryCommand command, CommandContext context, CancellationToken ct)
    {
        if (!catalogue.TryGet(command.GetType().Name, out var useCase) || useCase.CommandType != command.GetType())
            return CommandOutcome.Failure(CommandError.UnknownCommand(command.GetType().Name));
        try
        {
            return CommandOutcome.Success(await mediator.Send(useCase.CreateRequest(command, context), ct));
        }
        catch (CommandRejectedException e)
        {
            return CommandOutcome.Failure(e.Error);
        }
        catch (InvalidAppendException e)
        {
            // The log's own limits (an event over its size limit): a bad input like any other.
            return CommandOutcome.Failure(CommandError.Invalid(new Dictionary<string, string[]> { [""] = [e.Message] }));
        }
    }

    /// <summary>The typed command from its JSON, or every bad field.</summary>
    private (IRegistryCommand? Command, CommandError? Error) Read(string commandName, JsonElement body)
    {
        if (!catalogue.TryGet(commandName, out var useCase)) return (null, CommandError.UnknownCommand(commandName));
        var errors = new FieldErrors();
        JsonShape.Check(body, useCase.CommandType, errors);
        if (!errors.Any)
        {
            try
            {
                return ((IRegistryCommand)JsonShape.Complete(body, useCase.CommandType).Deserialize(useCase.CommandType, RegistryJson.Options)!, null);
            }
            catch (JsonException e)
            {
                errors.Add(e.Path?.TrimStart('$', '.') ?? "", e.Message);
            }
        }
        return (null, CommandError.Invalid(errors.ToDictionary()));
    }
}
