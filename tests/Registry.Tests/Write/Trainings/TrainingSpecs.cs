using Registry.Contracts.Common;
using Registry.Contracts.Trainings;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Trainings;

public sealed class TrainingSpecs : WriteSpecification
{
    private static readonly RecordTraining Training = new("ls-th-2022", "Tập huấn khởi nghiệp", "Sở KH&CN", "20",
        new DateOnly(2022, 9, 5), new DateOnly(2022, 9, 7), "students", new Figure(120, FigureQualifier.AtLeast), new DateOnly(2022, 9, 7), "seed 002");

    [Test]
    public async Task A_training_is_recorded_once()
    {
        var t = Training;
        await ThenWrote(await When(t), "training-ls-th-2022",
            new TrainingRecorded(t.TrainingId, t.Title, t.Organizer, t.ProvinceCode, t.StartsOn, t.EndsOn, t.Audience, t.Participants, t.OccurredOn, t.Source));
        await ThenRefused(await When(t), CommandErrorKind.RuleBroken, "already recorded");
    }

    [Test]
    public async Task A_training_ends_on_or_after_its_start()
    {
        await ThenRefused(await When(Training with { EndsOn = new DateOnly(2022, 9, 1) }), CommandErrorKind.Invalid, "is before startsOn", "endsOn");
    }

    [Test]
    public async Task Participants_are_counted_in_whole_numbers()
    {
        await ThenRefused(await When(Training with { Participants = Figure.Exact(12.5m) }), CommandErrorKind.Invalid, "12.5 is not a whole number", "participants.value");
    }

    [Test]
    public async Task A_fact_has_not_occurred_in_the_future()
    {
        await ThenRefused(await When(Training with { OccurredOn = new DateOnly(2099, 1, 1) }), CommandErrorKind.Invalid, "cannot have occurred in the future", "occurredOn");
    }
}
