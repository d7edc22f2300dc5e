using Registry.Contracts.Common;
using Registry.Contracts.Trainings;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Trainings.RecordTraining;

namespace Registry.Write.Trainings;

/// <summary>A training course (tập huấn / đào tạo) held in a province: once per id, ending on or after its start.</summary>
public sealed class RecordTraining : UseCase<Command>
{
    private static readonly RecordTraining Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override bool StartsStream => true;

    public override string StreamOf(Command command) => StreamNames.Training(command.TrainingId);

    public override void Validate(Command c, FieldErrors errors) =>
        errors.Require(c.EndsOn >= c.StartsOn, "endsOn", $"is before startsOn ({c.StartsOn:yyyy-MM-dd})");

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts training, Related related)
    {
        if (training.First<TrainingRecorded>() is { } recorded)
            throw Rule.Broken($"training '{c.TrainingId}' is already recorded ({recorded.Title}, {recorded.StartsOn:yyyy-MM-dd})");
        yield return new TrainingRecorded(c.TrainingId, c.Title, c.Organizer, c.ProvinceCode, c.StartsOn, c.EndsOn, c.Audience, c.Participants, c.OccurredOn, c.Source);
    }
}
