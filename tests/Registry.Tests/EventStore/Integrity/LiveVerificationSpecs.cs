using System.Text;
using Registry.EventStore;
using Registry.EventStore.Integrity;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.EventStore.Integrity;

/// <summary>
/// Auditors verify a registry that is running (<c>/api/audit/verify</c>): appends that commit while a verification
/// reads are not tampering, and must not be reported as such.
/// </summary>
[TestFixtureSource(typeof(StoreKind), nameof(StoreKind.All))]
public sealed class LiveVerificationSpecs(string kind)
{
    [Test]
    public async Task Given_writers_appending_when_the_log_is_verified_meanwhile_then_every_verification_finds_it_intact()
    {
        await using var store = await StoreKind.NewLocation(kind).OpenAsync();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
                await store.AppendAsync($"training-w{w}", ExpectedRevision.Any, [Training(w, n), Training(w, n + 1)]);
        })).ToList();

        var results = new List<ChainVerification>();
        try
        {
            while (await store.GetHeadPositionAsync() < 200) await Task.Delay(10);
            // Until the writers have appended a few hundred events more, however fast verifications turn out to be.
            while (results.Count < 10 || (results[^1].LastPosition < results[0].LastPosition + 300 && results.Count < 5000))
            {
                var head = await store.GetHeadPositionAsync();
                var result = await ChainVerifier.VerifyAsync(store);
                Assert.That(result.Ok, Is.True, result.Problem?.Detail);
                Assert.That(result.LastPosition, Is.GreaterThanOrEqualTo(head));
                results.Add(result);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }
        Assert.That(results[^1].LastPosition, Is.GreaterThan(results[0].LastPosition), "the writers were appending throughout");
    }

    private static EventData Training(int writer, int n) => new(Guid.NewGuid(), "TrainingRecorded",
        Encoding.UTF8.GetBytes($$"""{"trainingId":"w{{writer}}-{{n}}","participants":{{n}}}"""), """{"source":"test"}"""u8.ToArray());
}
