using System.Data.Common;
using Polly;
using Polly.Retry;
using Registry.EventStore;

namespace Registry.Write.Pipeline;

/// <summary>
/// The two retries of the write side. A concurrency conflict (the stream moved between read and append) is answered
/// by reading and deciding again, a few times, with jittered backoff so that competing writers spread out. A transient
/// database fault is answered by sending the same append again: its event ids derive from the command id, so if the
/// first attempt did commit, the log answers the retry idempotently and nothing is written twice.
/// </summary>
public static class WriteResilience
{
    public const int ConflictRetries = 8;
    public const int TransientRetries = 3;

    public static ResiliencePipeline Conflicts { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<WrongExpectedRevisionException>(),
            MaxRetryAttempts = ConflictRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(2),
            MaxDelay = TimeSpan.FromMilliseconds(200),
        })
        .Build();

    public static ResiliencePipeline Transient { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DbException>(e => e.IsTransient).Handle<TimeoutException>(),
            MaxRetryAttempts = TransientRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(50),
        })
        .Build();
}
