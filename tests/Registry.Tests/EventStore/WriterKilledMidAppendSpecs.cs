using Registry.Tests.Infrastructure;
using System.Diagnostics;
using Registry.EventStore;
using Registry.EventStore.Integrity;

namespace Registry.Tests.EventStore;

/// <summary>
/// Atomicity against a real crash: a child process (<c>registry dev append-loop</c>) appends batches of 5,000 events,
/// each to a new stream, and is killed with SIGKILL at a random moment while it is appending. Every append must then
/// be in the log entirely or not at all, and the log must still be contiguous, chained and writable.
/// </summary>
public sealed class WriterKilledMidAppendSpecs(string kind) : EventLogFixture(kind)
{
    private const int Batch = 5000;

    [Test]
    public async Task Given_a_writer_process_killed_with_sigkill_during_a_large_append_when_the_log_is_reopened_then_each_append_is_all_or_nothing()
    {
        var acknowledged = await RunWriterAndKillItMidAppend(appendsBeforeKill: 2);
        await UntilTheServerHasLetGoOfTheWriter();

        await using var reopened = await Location.OpenAsync();
        var events = new List<RecordedEvent>();
        await foreach (var e in reopened.ReadAllAsync(Direction.Forwards, 1, long.MaxValue)) events.Add(e);

        Assert.That(events.Select(e => e.Position), Is.EqualTo(Enumerable.Range(1, events.Count).Select(i => (long)i)), "positions are contiguous from 1");
        Assert.That(await reopened.GetHeadPositionAsync(), Is.EqualTo(events.Count), "the head is the last event");
        foreach (var stream in events.GroupBy(e => e.StreamName))
            Assert.That(stream.Select(e => e.StreamRevision), Is.EqualTo(Enumerable.Range(0, Batch).Select(i => (long)i)), $"{stream.Key} holds its whole append");
        Assert.That(events.Select(e => e.StreamName).Distinct(), Is.SupersetOf(acknowledged), "every acknowledged append survived");
        var previous = EventHash.Genesis;
        foreach (var e in events)
        {
            Assert.That(e.Hash, Is.EqualTo(EventHash.Compute(previous, e)), $"hash of position {e.Position}");
            previous = e.Hash;
        }

        var next = await reopened.AppendAsync("loop-after", ExpectedRevision.NoStream, [Event()]);
        Assert.That(next.FirstPosition, Is.EqualTo(events.Count + 1), "the log takes appends again, right after the last event");
    }

    private string WriterConnection => Location.Kind == EventStoreLocation.Postgres
        ? $"{Location.Connection};Application Name={KilledWriter}"
        : Location.Connection;

    private const string KilledWriter = "killed-writer";

    /// <summary>
    /// A PostgreSQL backend finishes the statement it has fully received (commits it, even) before it notices that its
    /// client is gone. The crash this spec stages is the writer's, not the server's: wait until the server has ended the
    /// writer's sessions, so "reopened" means the database is settled.
    /// </summary>
    private async Task UntilTheServerHasLetGoOfTheWriter()
    {
        if (Location.Kind != EventStoreLocation.Postgres) return;
        await using var connection = await OpenRawConnectionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{KilledWriter}'";
        using var guard = new CancellationTokenSource(SubscriptionReader.HangGuard);
        while ((long)(await cmd.ExecuteScalarAsync(guard.Token))! > 0) await Task.Delay(20, guard.Token);
    }

    /// <summary>Starts the writer, lets it acknowledge some appends, kills it at a random moment inside a later one,
    /// and returns the streams it reported as committed.</summary>
    private async Task<List<string>> RunWriterAndKillItMidAppend(int appendsBeforeKill)
    {
        var psi = new ProcessStartInfo(RegistryExecutable.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "dev", "append-loop", "--store", Location.Kind, "--connection", WriterConnection, "--stream-prefix", "loop", "--batch", $"{Batch}" })
            psi.ArgumentList.Add(arg);
        psi.Environment.Remove("REGISTRY_STORE");
        psi.Environment.Remove("REGISTRY_CONNECTION");

        using var writer = Process.Start(psi)!;
        var errors = writer.StandardError.ReadToEndAsync();
        var acknowledged = new List<string>();
        using var guard = new CancellationTokenSource(SubscriptionReader.HangGuard);
        try
        {
            while (acknowledged.Count < appendsBeforeKill)
            {
                var line = await writer.StandardOutput.ReadLineAsync(guard.Token)
                    ?? throw new AssertionException($"the writer exited early ({writer.ExitCode}): {await errors}");
                if (line.StartsWith("committed ", StringComparison.Ordinal)) acknowledged.Add(line.Split(' ')[1]);
            }
            // The writer appends back to back, so almost any moment is inside an append of 5,000 events.
            await Task.Delay(Random.Shared.Next(5, 150), guard.Token);
            Assert.That(writer.HasExited, Is.False, "the writer was still appending when killed");
            writer.Kill(); // SIGKILL on Linux: no chance to finish or clean up
            await writer.WaitForExitAsync(guard.Token);
        }
        finally
        {
            if (!writer.HasExited) writer.Kill();
        }
        string? rest;
        while ((rest = await writer.StandardOutput.ReadLineAsync()) is not null)
            if (rest.StartsWith("committed ", StringComparison.Ordinal)) acknowledged.Add(rest.Split(' ')[1]);
        return acknowledged;
    }
}
