using Registry.Contracts.Trainings;
using Registry.Contracts.Common;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Pipeline;

public sealed class IdempotencySpecs : WriteSpecification
{
    private static RecordTraining Training(string id = "t1") => new(id, "Tập huấn", "Sở KH&CN", "20", new DateOnly(2022, 9, 5), new DateOnly(2022, 9, 7),
        "students", Figure.Exact(120), new DateOnly(2022, 9, 7), "seed 002");

    [Test]
    public async Task The_same_command_again_returns_the_first_answer_and_writes_nothing()
    {
        var id = Guid.NewGuid();
        var first = await When(Training(), commandId: id);
        var head = await Store.GetHeadPositionAsync();
        var again = await When(Training(), commandId: id);
        Assert.That(again.Succeeded, Is.True, () => again.Error!.Detail);
        Assert.That(again.Result!.AlreadyRecorded, Is.True);
        Assert.That(again.Result.Events, Is.EqualTo(first.Result!.Events));
        Assert.That(await Store.GetHeadPositionAsync(), Is.EqualTo(head));
    }

    [Test]
    public async Task The_same_command_again_is_answered_even_when_its_stream_moved_on()
    {
        var id = Guid.NewGuid();
        await Given("startup-s1", new Registry.Contracts.Startups.StartupRegistered("s1", "S", "20", [], Registry.Contracts.Startups.StartupStage.Idea,
            null, [], null, null, new DateOnly(2023, 1, 1), "s"));
        var close = new Registry.Contracts.Startups.CloseStartup("s1", "done", new DateOnly(2023, 2, 1), "s");
        Assert.That((await When(close, commandId: id)).Succeeded, Is.True);
        await Given("startup-s1", new Registry.Contracts.Startups.StartupProfileUpdated("s1", "S2", null, null, null, null, null, new DateOnly(2023, 3, 1), "s"));
        var again = await When(close, commandId: id);
        Assert.That(again.Result?.AlreadyRecorded, Is.True, () => again.Error?.Detail ?? "");
    }

    [Test]
    public async Task The_same_id_for_other_fields_is_refused()
    {
        var id = Guid.NewGuid();
        await When(Training(), commandId: id);
        await ThenRefused(await When(Training() with { Title = "Other" }, commandId: id), CommandErrorKind.IdempotencyKeyReused, "was used before");
    }

    [Test]
    public async Task The_same_id_for_another_stream_is_refused()
    {
        var id = Guid.NewGuid();
        await When(Training(), commandId: id);
        await ThenRefused(await When(Training("t2"), commandId: id), CommandErrorKind.IdempotencyKeyReused, "was used before");
    }

    [Test]
    public async Task Event_ids_derive_from_the_command_id()
    {
        var id = Guid.NewGuid();
        var outcome = await When(Training(), commandId: id);
        Assert.That(outcome.Result!.Events.Single().EventId, Is.EqualTo(DeterministicId.ForEvent(id, 0)));
        Assert.That(DeterministicId.ForEvent(id, 0), Is.EqualTo(DeterministicId.ForEvent(id, 0)).And.Not.EqualTo(DeterministicId.ForEvent(id, 1)));
    }
}
