namespace Registry.EventStore.Appending;

/// <summary>An in-process wake-up: waiters get the current task, a commit completes it and installs a fresh one.</summary>
internal sealed class AsyncSignal
{
    private TaskCompletionSource _current = New();

    public Task Current => Volatile.Read(ref _current).Task;

    public void Fire() => Interlocked.Exchange(ref _current, New()).TrySetResult();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
