using Registry.Contracts.Common;
using Registry.EventStore;

namespace Registry.Write.Pipeline;

/// <summary>
/// A command's rules: where its facts go, what its fields must satisfy, and the decider that turns the command and
/// the current facts into new facts (or refuses with the rule an official would state).
/// </summary>
public abstract class UseCase<TCommand> : IUseCase where TCommand : class, IRegistryCommand
{
    public string Name => typeof(TCommand).Name;
    public Type CommandType => typeof(TCommand);
    public virtual bool AdminOnly => false;

    /// <summary>The command creates its stream: the first attempt appends expecting no stream, without reading it,
    /// and reads (then decides again) only when the stream turns out to exist.</summary>
    public virtual bool StartsStream => false;

    /// <summary>The stream the command's facts go to. A use case whose stream must be looked up overrides
    /// <see cref="ResolveStreamAsync"/> instead.</summary>
    public virtual string StreamOf(TCommand command) =>
        throw new InvalidOperationException($"{Name} finds its stream in {nameof(ResolveStreamAsync)}, so it has no stream by name.");

    /// <summary>Like <see cref="StreamOf"/> where the stream has to be looked up (a correction goes to the corrected fact's stream).</summary>
    public virtual Task<string> ResolveStreamAsync(TCommand command, IEventStore store, CancellationToken ct) => Task.FromResult(StreamOf(command));

    public virtual void Validate(TCommand command, FieldErrors errors) { }

    public virtual IEnumerable<ProvinceField> ProvincesNamed(TCommand command) => ProvinceFields.Of(command);

    /// <summary>The provinces the existing facts of the stream belong to (a competition's province): an editor must have them in scope too.</summary>
    public virtual IEnumerable<ProvinceRef> ProvincesOf(TCommand command, Facts stream) => [];

    /// <summary>Other streams the decider consults; they are loaded before it decides.</summary>
    public virtual IEnumerable<string> RelatedStreams(TCommand command) => [];

    /// <summary>
    /// A value the command's facts hold that no other entity may hold, or null. A rule checked on facts read earlier
    /// cannot see a command deciding at the same moment, so the claim is appended with the facts under an id derived
    /// from the value: the log records an event id once, and refuses the whole append of a second claimant.
    /// </summary>
    public virtual UniqueClaim? ClaimOf(TCommand command) => null;

    /// <summary>The rule a command breaks when <paramref name="claim"/>, recorded by another entity, holds its value.</summary>
    public virtual string ClaimedByAnother(TCommand command, IRegistryEvent claim) => $"{claim} is already recorded";

    public abstract IEnumerable<IRegistryEvent> Decide(TCommand command, Facts stream, Related related);

    /// <summary>The use case's Mediator message for this command.</summary>
    protected abstract IWriteRequest NewRequest(TCommand command, CommandContext context);

    Task<string> IUseCase.StreamOfAsync(IRegistryCommand command, IEventStore store, CancellationToken ct) => ResolveStreamAsync((TCommand)command, store, ct);
    IWriteRequest IUseCase.CreateRequest(IRegistryCommand command, CommandContext context) => NewRequest((TCommand)command, context);
    void IUseCase.Validate(IRegistryCommand command, FieldErrors errors) => Validate((TCommand)command, errors);
    IEnumerable<ProvinceField> IUseCase.ProvincesNamed(IRegistryCommand command) => ProvincesNamed((TCommand)command);
}
