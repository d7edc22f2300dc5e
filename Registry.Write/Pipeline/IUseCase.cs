using Registry.Contracts.Common;
using Registry.EventStore;

namespace Registry.Write.Pipeline;

/// <summary>What the pipeline steps need of a use case without knowing its command type.</summary>
public interface IUseCase
{
    /// <summary>The command's name, as in <c>POST /api/commands/{Name}</c>.</summary>
    string Name { get; }

    Type CommandType { get; }

    /// <summary>Only an administrator records it (the provincial map, national facts).</summary>
    bool AdminOnly { get; }

    /// <summary>The stream the command's facts go to, found as the pipeline finds it (a correction: the corrected fact's stream).</summary>
    Task<string> StreamOfAsync(IRegistryCommand command, IEventStore store, CancellationToken ct);

    IWriteRequest CreateRequest(IRegistryCommand command, CommandContext context);

    /// <summary>The rules on the command's own fields; each broken one is added at its path.</summary>
    void Validate(IRegistryCommand command, FieldErrors errors);

    /// <summary>The province codes the command names: valid on its date, within an editor's scope.</summary>
    IEnumerable<ProvinceField> ProvincesNamed(IRegistryCommand command);
}
