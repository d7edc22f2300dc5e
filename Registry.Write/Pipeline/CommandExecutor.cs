using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Write.Provinces;

namespace Registry.Write.Pipeline;

/// <summary>
/// The steps after validation and authorization: find the stream, load it, recognise a command already recorded
/// (idempotency), check the editor's scope on the stream's own provinces, decide, and append with the expected
/// revision, on condition that the other streams the decider consulted are still as read. A conflict on any of them
/// reloads and decides again (<see cref="WriteResilience.Conflicts"/>).
/// </summary>
public sealed class CommandExecutor(IEventStore store, StreamLoader loader, ProvinceMapCache provinces)
{
    public async ValueTask<CommandResult> ExecuteAsync<TCommand>(UseCase<TCommand> useCase, TCommand command, CommandContext context, CancellationToken ct)
        where TCommand : class, IRegistryCommand
    {
        var stream = await WriteResilience.Transient.ExecuteAsync(async t => await useCase.ResolveStreamAsync(command, store, t), ct);
        // A command that starts its stream is first tried without reading: the log itself says if the stream exists.
        var read = !useCase.StartsStream;
        try
        {
            return await WriteResilience.Conflicts.ExecuteAsync(async t =>
            {
                var facts = read ? await LoadAsync(stream, t) : Facts.None(stream);
                read = true;
                return await DecideAndAppendAsync(useCase, command, context, facts, t);
            }, ct);
        }
        catch (WrongExpectedRevisionException e)
        {
            throw new CommandRejectedException(CommandError.Conflict(
                $"stream '{e.Stream}' kept changing while {useCase.Name} was decided ({WriteResilience.ConflictRetries} attempts); send it again"));
        }
    }

    private async Task<CommandResult> DecideAndAppendAsync<TCommand>(UseCase<TCommand> useCase, TCommand command, CommandContext context,
        Facts facts, CancellationToken ct) where TCommand : class, IRegistryCommand
    {
        var claim = useCase.ClaimOf(command);
        if (Replay(useCase, command, context, facts, claim) is { } earlier) return earlier;

        if (context.Principal.Role != Role.Admin)
        {
            // The stream's own provinces (a competition's, for a prize); a command naming none and acting on none is national.
            var scope = useCase.ProvincesOf(command, facts).ToList();
            if ((scope.Count > 0 || !useCase.ProvincesNamed(command).Any()) &&
                ProvinceScope.Problem(context.Principal, await provinces.GetAsync(ct), scope, useCase.AdminOnly, useCase.Name) is { } forbidden)
                throw new CommandRejectedException(CommandError.Forbidden(forbidden));
        }

        var related = await LoadRelatedAsync(useCase, command, ct);
        var decided = useCase.Decide(command, facts, related).ToList();
        IReadOnlyList<EventData> events = claim is null ? EventEncoder.Encode(decided, context)
            : [EventEncoder.EncodeClaim(claim, context), .. EventEncoder.Encode(decided, context)];
        AppendResult appended;
        try
        {
            appended = await WriteResilience.Transient.ExecuteAsync(async t => await store.AppendAsync(facts.Stream, facts.Expected, events, related.ConditionsBeside(facts.Stream), t), ct);
        }
        catch (DuplicateEventIdException e) when (claim is not null && e.EventId == claim.EventId)
        {
            var holder = await WriteResilience.Transient.ExecuteAsync(async t => await store.ReadEventAsync(claim.EventId, t), ct)
                         ?? throw new InvalidOperationException($"event {claim.EventId} was reported recorded but cannot be read");
            if (holder.StreamName != facts.Stream) throw Rule.Broken(useCase.ClaimedByAnother(command, StreamLoader.Deserialize(holder)));
            // The claim is this stream's own: the stream was written since it was read (or never read); decide again on it.
            return await DecideAndAppendAsync(useCase, command, context, await LoadAsync(facts.Stream, ct), ct);
        }
        catch (DuplicateEventIdException e)
        {
            // The command id is already in the log: this very command (answered as before), or another one (refused).
            var reloaded = await LoadAsync(facts.Stream, ct);
            return Replay(useCase, command, context, reloaded, claim)
                   ?? throw new CommandRejectedException(CommandError.IdempotencyKeyReused(context.CommandId, e.Message));
        }
        if (facts.Stream == StreamNames.ProvinceMap) provinces.Invalidate();
        var written = events.Select((e, i) => new WrittenEvent(e.EventId, e.EventType, appended.NextExpectedRevision - events.Count + 1 + i,
            appended.FirstPosition + i)).ToList();
        return new CommandResult(context.CommandId, useCase.Name, facts.Stream, appended.NextExpectedRevision, appended.FirstPosition,
            appended.LastPosition, written, appended.AlreadyAppended);
    }

    /// <summary>
    /// The first answer when the stream already holds this command's events. The command must agree with what was
    /// recorded on every field it gives (a command has its event's fields); otherwise the id is being reused.
    /// </summary>
    private static CommandResult? Replay<TCommand>(UseCase<TCommand> useCase, TCommand command, CommandContext context, Facts facts, UniqueClaim? claim)
        where TCommand : class, IRegistryCommand
    {
        var written = new List<RecordedFact>();
        for (var i = 0; facts.Find(DeterministicId.ForEvent(context.CommandId, i)) is { } f; i++) written.Add(f);
        if (written.Count == 0) return null;
        if (!Agrees(command, written[0].Fact))
            throw new CommandRejectedException(CommandError.IdempotencyKeyReused(context.CommandId,
                $"it recorded {written[0].EventType} at revision {written[0].Revision} of '{facts.Stream}' with other fields"));
        // The claim was appended just before the facts: answered as the first time.
        if (claim is not null && facts.Find(claim.EventId) is { } claimed && claimed.Revision == written[0].Revision - 1) written.Insert(0, claimed);
        return new CommandResult(context.CommandId, useCase.Name, facts.Stream, written[^1].Revision, written[0].Position, written[^1].Position,
            written.Select(w => new WrittenEvent(w.EventId, w.EventType, w.Revision, w.Position)).ToList(), AlreadyRecorded: true);
    }

    private static bool Agrees(IRegistryCommand command, IRegistryEvent recorded)
    {
        var given = JsonSerializer.SerializeToNode(command, command.GetType(), RegistryJson.Options)!.AsObject();
        var stored = JsonSerializer.SerializeToNode(recorded, recorded.GetType(), RegistryJson.Options)!.AsObject();
        return given.All(p => p.Value is null || JsonNode.DeepEquals(p.Value, stored[p.Key]));
    }

    private async Task<Facts> LoadAsync(string stream, CancellationToken ct) =>
        await WriteResilience.Transient.ExecuteAsync(async t => await loader.LoadAsync(stream, t), ct);

    private async Task<Related> LoadRelatedAsync<TCommand>(UseCase<TCommand> useCase, TCommand command, CancellationToken ct)
        where TCommand : class, IRegistryCommand
    {
        var streams = new Dictionary<string, Facts>();
        foreach (var stream in useCase.RelatedStreams(command).Distinct())
            streams[stream] = await LoadAsync(stream, ct);
        return streams.Count == 0 ? Related.None : new Related(streams);
    }
}
