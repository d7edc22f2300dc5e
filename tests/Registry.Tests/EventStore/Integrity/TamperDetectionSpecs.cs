using System.Security.Cryptography;
using System.Text;
using Registry.EventStore;
using Registry.EventStore.Integrity;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.EventStore.Integrity;

/// <summary>Given an intact log of 50 events, when someone edits the database directly, then verify finds and locates it.</summary>
[TestFixtureSource(typeof(StoreKind), nameof(StoreKind.All))]
public sealed class TamperDetectionSpecs(string kind)
{
    private SqlEventStore _store = null!;
    private TamperedLog _db = null!;

    [SetUp]
    public async Task FiftyEvents()
    {
        var location = StoreKind.NewLocation(kind);
        _store = await location.OpenAsync();
        _db = new TamperedLog(location);
        for (var i = 0; i < 10; i++)
        {
            var events = Enumerable.Range(0, 5).Select(j => new EventData(Guid.NewGuid(), "TrainingRecorded",
                Encoding.UTF8.GetBytes($$"""{"trainingId":"t{{i}}-{{j}}","participants":{{i * 10 + j}}}"""), """{"source":"test"}"""u8.ToArray())).ToList();
            await _store.AppendAsync($"training-{i}", ExpectedRevision.NoStream, events);
        }
    }

    [TearDown]
    public async Task Close() => await _store.DisposeAsync();

    private Task<ChainVerification> Verify() => ChainVerifier.VerifyAsync(_store);

    [Test]
    public async Task An_intact_log_verifies()
    {
        var result = await Verify();
        Assert.That(result.Ok, Is.True, result.Problem?.Detail);
        Assert.That((result.EventsChecked, result.LastPosition), Is.EqualTo((50L, 50L)));
    }

    [Test]
    public async Task One_changed_byte_is_found_at_its_position()
    {
        var data = await _db.Data(20);
        data[^2] ^= 0x01;
        await _db.Execute("UPDATE events SET data = @d WHERE position = 20", ("d", data));
        AssertProblem(await Verify(), 20, TamperKind.Changed);
    }

    [Test]
    public async Task A_deleted_row_is_found_as_missing()
    {
        await _db.Execute("DELETE FROM events WHERE position = 20");
        AssertProblem(await Verify(), 20, TamperKind.Missing);
    }

    [Test]
    public async Task Two_swapped_rows_are_found_as_reordered()
    {
        await SwapPositions(20, 21);
        AssertProblem(await Verify(), 20, TamperKind.Reordered);
    }

    [Test]
    public async Task Two_distant_swapped_rows_are_found_as_reordered()
    {
        await SwapPositions(12, 37);
        AssertProblem(await Verify(), 12, TamperKind.Reordered);
    }

    [Test]
    public async Task A_forged_row_appended_after_the_head_is_found_as_inserted()
    {
        await InsertForged(51);
        AssertProblem(await Verify(), 51, TamperKind.Inserted);
    }

    [Test]
    public async Task A_forged_row_appended_with_the_head_moved_is_found_as_inserted()
    {
        await InsertForged(51);
        await _db.Execute("UPDATE log_head SET position = 51");
        AssertProblem(await Verify(), 51, TamperKind.Inserted);
    }

    [Test]
    public async Task A_truncated_tail_with_a_recomputed_chain_is_caught_by_a_signed_checkpoint()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = await CheckpointSigner.SignAsync(_store, key);
        await _db.Execute("DELETE FROM events WHERE position > 40");
        await _db.RecomputeChainFrom(_store, 41);

        Assert.That((await Verify()).Ok, Is.True, "the recomputed chain is consistent on its own");
        var problem = await CheckpointSigner.ExtendsAsync(_store, checkpoint);
        Assert.That(problem, Is.Not.Null);
        Assert.That((problem!.Kind, problem.Position), Is.EqualTo((TamperKind.Missing, 41L)));
    }

    [Test]
    public async Task A_rewritten_event_with_a_recomputed_chain_is_caught_by_a_signed_checkpoint()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = await CheckpointSigner.SignAsync(_store, key);
        await _db.Execute("UPDATE events SET data = @d WHERE position = 7", ("d", """{"trainingId":"t1-1","participants":999}"""u8.ToArray()));
        await _db.RecomputeChainFrom(_store, 7);

        Assert.That((await Verify()).Ok, Is.True, "the recomputed chain is consistent on its own");
        var problem = await CheckpointSigner.ExtendsAsync(_store, checkpoint);
        Assert.That(problem?.Kind, Is.EqualTo(TamperKind.Rewritten));
        Assert.That(problem!.Position, Is.EqualTo(50));
    }

    [Test]
    public async Task A_log_that_grew_after_the_checkpoint_still_extends_it()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = await CheckpointSigner.SignAsync(_store, key);
        await _store.AppendAsync("training-0", ExpectedRevision.Any, [new EventData(Guid.NewGuid(), "FactCorrected", """{"reason":"typo"}"""u8.ToArray(), "{}"u8.ToArray())]);

        Assert.That(CheckpointSigner.SignatureProblem(checkpoint), Is.Null);
        Assert.That(await CheckpointSigner.ExtendsAsync(_store, checkpoint), Is.Null);
        Assert.That((await Verify()).Ok, Is.True, "a correction is a new linked event: the chain stays intact");
    }

    [Test]
    public async Task A_checkpoint_with_an_edited_statement_fails_its_signature()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = await CheckpointSigner.SignAsync(_store, key);
        Assert.That(CheckpointSigner.SignatureProblem(checkpoint with { Position = 40 }), Is.EqualTo("the signature does not match the statement"));
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.That(CheckpointSigner.SignatureProblem(checkpoint, Convert.ToBase64String(other.ExportSubjectPublicKeyInfo())),
            Is.EqualTo("signed with another key than the registry's"));
    }

    private async Task SwapPositions(long a, long b)
    {
        await _db.Execute($"UPDATE events SET position = -1 WHERE position = {a}");
        await _db.Execute($"UPDATE events SET position = {a} WHERE position = {b}");
        await _db.Execute($"UPDATE events SET position = {b} WHERE position = -1");
    }

    private Task InsertForged(long position) => _db.Execute(
        "INSERT INTO events (position, stream_name, stream_revision, event_id, event_type, data, metadata, recorded_us, hash) " +
        $"VALUES ({position}, 'training-99', 0, @id, 'TrainingRecorded', @d, @m, 1, @h)",
        ("id", Guid.NewGuid()), ("d", """{"participants":5000}"""u8.ToArray()), ("m", "{}"u8.ToArray()), ("h", RandomNumberGenerator.GetBytes(32)));

    private static void AssertProblem(ChainVerification result, long position, TamperKind kind)
    {
        Assert.That(result.Ok, Is.False, "tampering went unnoticed");
        Assert.That((result.Problem!.Position, result.Problem.Kind), Is.EqualTo((position, kind)), result.Problem.Detail);
    }
}
