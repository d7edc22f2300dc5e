using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.Contracts.Trainings;
using Registry.EventStore;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Audit;

/// <summary>Given a training recorded and later corrected, when an auditor replays up to a moment, then the state printed is the one of that moment.</summary>
public sealed class ReplayCommandSpecs
{
    private static readonly DateOnly Day = new(2023, 6, 1);

    [Test]
    public async Task Replay_until_a_position_prints_the_state_then_and_a_bad_moment_is_refused()
    {
        var location = StoreKind.NewLocation(StoreKind.Sqlite);
        await using (var store = await location.OpenAsync())
        {
            var original = new TrainingRecorded("ls-1", "Tập huấn", "Sở KH&CN", "20", Day, Day, "sinh viên", Figure.Exact(120), Day, "báo cáo 2023");
            var recorded = Guid.NewGuid();
            await Append(store, original, recorded);
            var replacement = JsonSerializer.SerializeToElement(original with { Participants = Figure.Exact(150) }, RegistryJson.Options);
            await Append(store, new FactCorrected(recorded, nameof(TrainingRecorded), replacement, "đếm lại", new DateOnly(2024, 2, 1), "báo cáo 2024"), Guid.NewGuid());
        }

        var (code, output, _) = await Run("replay", "--connection", location.Connection, "--until", "1", "--stream", "training-ls-1", "--format", "json");
        Assert.That(code, Is.Zero, output);
        var rows = JsonDocument.Parse(output).RootElement.GetProperty("trainings");
        Assert.That(rows.GetArrayLength(), Is.EqualTo(1));
        Assert.That(rows[0].GetProperty("participants").GetDecimal(), Is.EqualTo(120));

        var (now, latest, _) = await Run("replay", "--connection", location.Connection, "--until", "2", "--stream", "training-ls-1", "--format", "json");
        Assert.That(now, Is.Zero, latest);
        Assert.That(JsonDocument.Parse(latest).RootElement.GetProperty("trainings")[0].GetProperty("participants").GetDecimal(), Is.EqualTo(150));

        var (refused, _, error) = await Run("replay", "--connection", location.Connection, "--until", "last tuesday");
        Assert.That(refused, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--until"));
    }

    private static Task Append(IEventStore store, IRegistryEvent fact, Guid id) => store.AppendAsync("training-ls-1", ExpectedRevision.Any,
        [new EventData(id, fact.GetType().Name, JsonSerializer.SerializeToUtf8Bytes(fact, fact.GetType(), RegistryJson.Options),
            JsonSerializer.SerializeToUtf8Bytes(new EventMetadata(fact.OccurredOn, "test", fact.Source, Guid.NewGuid(), Guid.NewGuid()), RegistryJson.Options))]);

    private static Task<(int Code, string Output, string Error)> Run(params string[] args) => RegistryExecutable.RunAsync(null, args);
}
