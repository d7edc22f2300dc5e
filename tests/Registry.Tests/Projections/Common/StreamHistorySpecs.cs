using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.Contracts.Trainings;
using Registry.EventStore;
using Registry.Projections.Common;
using Registry.Read;
using Registry.Tests.Projections.Runtime;

namespace Registry.Tests.Projections.Common;

/// <summary>
/// A correction re-derives its stream from the facts as they stood at its position. The offline rebuild reads those
/// histories ahead, for a whole page at once and on another connection: each must be the one read at the correction.
/// </summary>
public sealed class StreamHistorySpecs(string kind) : ProjectionRuntimeFixture(kind)
{
    private static TrainingRecorded Training(string id, int participants) => new(id, "Tập huấn", "Sở KH&CN", "20", new DateOnly(2023, 6, 1),
        new DateOnly(2023, 6, 2), "doanh nghiệp", Figure.Exact(participants), new DateOnly(2023, 6, 2), "báo cáo 2023");

    private static FactCorrected Correction(Guid corrected, string id, int participants) => new(corrected, nameof(TrainingRecorded),
        JsonSerializer.SerializeToElement(Training(id, participants), RegistryJson.Options), "sai", new DateOnly(2024, 3, 1), "công văn");

    [Test]
    public async Task The_histories_read_ahead_for_a_page_are_the_ones_read_at_each_correction()
    {
        var t1 = await Append(StreamNames.Training("t1"), Training("t1", 100));
        await Append(StreamNames.Training("t2"), Training("t2", 40));
        var first = await Append(StreamNames.Training("t1"), Correction(t1, "t1", 150));
        await Append(StreamNames.Training("t2"), Correction(Guid.NewGuid(), "t2", 1)); // corrects nothing of its stream
        await Append(StreamNames.Training("t1"), Correction(first, "t1", 170));
        await Append(StreamNames.Training("t3"), Training("t3", 7));
        await Append(StreamNames.Training("t1"), new FactRetracted(t1, nameof(TrainingRecorded), "không có", new DateOnly(2024, 5, 1), "thanh tra"));

        var events = await Store.ReadAllAsync(Direction.Forwards, 1, await Store.GetHeadPositionAsync()).ToListAsync();
        await using var db = ReadDatabase.For(Location);
        await using var connection = db.CreateConnection();
        await connection.OpenAsync();
        var ahead = await StreamHistory.AtCorrectionsAsync(connection, db.Dialect, events, default);

        var corrections = events.Where(e => e.EventType is nameof(FactCorrected) or nameof(FactRetracted)).ToList();
        Assert.That(ahead.Keys, Is.EquivalentTo(corrections.Select(c => (c.StreamName, c.Position))));
        foreach (var c in corrections)
        {
            await using var tx = await connection.BeginTransactionAsync();
            var atCorrection = await StreamHistory.EffectiveAsync(connection, tx, c.StreamName, c.Position, default);
            Assert.That(Described(ahead[(c.StreamName, c.Position)]), Is.EqualTo(Described(atCorrection)), $"{c.EventType} at {c.Position}");
        }
        Assert.That(Participants(ahead[(corrections[0].StreamName, corrections[0].Position)]), Is.EqualTo(new[] { 150m }), "the first correction");
        Assert.That(Participants(ahead[(corrections[2].StreamName, corrections[2].Position)]), Is.EqualTo(new[] { 170m }), "the second, not the stream's end");
        Assert.That(ahead[(corrections[3].StreamName, corrections[3].Position)], Is.Empty, "the retraction");
        Assert.That(Participants(ahead[(corrections[1].StreamName, corrections[1].Position)]), Is.EqualTo(new[] { 40m }), "another stream's own facts");
    }

    private static decimal[] Participants(IReadOnlyList<EffectiveFact> facts) => facts.Select(f => ((TrainingRecorded)f.Data).Participants.Value).ToArray();

    private static List<string> Described(IReadOnlyList<EffectiveFact> facts) =>
        facts.Select(f => $"{f.EventId} {f.RevisedBy} {f.Type} {JsonSerializer.Serialize(f.Data, f.Data.GetType(), RegistryJson.Options)}").ToList();

    private async Task<Guid> Append(string stream, IRegistryEvent data)
    {
        var id = Guid.NewGuid();
        await Store.AppendAsync(stream, ExpectedRevision.Any,
        [
            new EventData(id, data.GetType().Name, JsonSerializer.SerializeToUtf8Bytes(data, data.GetType(), RegistryJson.Options),
                JsonSerializer.SerializeToUtf8Bytes(new EventMetadata(data.OccurredOn, "test", data.Source, id, id), RegistryJson.Options)),
        ]);
        return id;
    }
}
