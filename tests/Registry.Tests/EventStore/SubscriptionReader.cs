using Registry.EventStore.Subscriptions;

namespace Registry.Tests.EventStore;

/// <summary>Consumes a subscription in the background until a condition holds. The generous deadline only turns a
/// hang into a failure; it asserts nothing about speed.</summary>
internal static class SubscriptionReader
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public static async Task<List<SubscriptionMessage>> ReadUntilAsync(
        Func<CancellationToken, IAsyncEnumerable<SubscriptionMessage>> subscribe, Func<List<SubscriptionMessage>, bool> done)
    {
        using var cts = new CancellationTokenSource(HangGuard);
        var messages = new List<SubscriptionMessage>();
        try
        {
            await foreach (var m in subscribe(cts.Token).WithCancellation(cts.Token))
            {
                messages.Add(m);
                if (done(messages)) return messages;
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Assert.Fail($"the subscription did not finish within {HangGuard.TotalSeconds} s; it delivered {messages.Count} messages");
        }
        return messages;
    }

    public static IEnumerable<long> Positions(this IEnumerable<SubscriptionMessage> messages) =>
        messages.OfType<SubscriptionMessage.Event>().Select(e => e.Record.Position);
}
