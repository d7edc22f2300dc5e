using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Registry.EventStore.Integrity;

namespace Registry.Host.Cli.Integrity;

/// <summary><c>registry verify [--checkpoint FILE]</c>: recompute the hash chain, and prove the log extends a signed checkpoint.</summary>
public static class VerifyCommand
{
    /// <summary>Exit code when the log is not intact (1 is left to errors of use).</summary>
    public const int Tampered = 3;

    public static Command Create()
    {
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "A statement written by 'registry checkpoint sign' that the log must still extend" };
        var publicKey = new Option<string?>("--public-key") { Description = "Base64 public key the checkpoint must be signed with (pin the registry's key)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("verify", "Recompute the log's hash chain and report OK or the first bad position and what is wrong there")
        {
            checkpoint, publicKey, json,
        };
        command.SetAction(async (result, ct) =>
        {
            if (ReadOnlyStore.Missing(StoreOptions.Location(result)) is { } missing)
            {
                await Console.Error.WriteLineAsync(missing);
                return 1;
            }
            await using var store = await StoreOptions.Location(result).OpenAsync(ct: ct);
            SignedCheckpoint? statement = null;
            if (result.GetValue(checkpoint) is { } file)
            {
                statement = JsonSerializer.Deserialize<SignedCheckpoint>(await File.ReadAllTextAsync(file.FullName, ct), CheckpointSigner.Json)
                            ?? throw new InvalidOperationException($"{file.FullName} holds no checkpoint");
                if (CheckpointSigner.SignatureProblem(statement, result.GetValue(publicKey)) is { } signatureProblem)
                {
                    Console.Error.WriteLine($"checkpoint {file.Name}: {signatureProblem}");
                    return Tampered;
                }
            }

            var clock = Stopwatch.StartNew();
            var verification = await ChainVerifier.VerifyAsync(store, ct: ct);
            var elapsed = clock.Elapsed;
            var problem = verification.Problem;
            if (problem is null && statement is not null) problem = await CheckpointSigner.ExtendsAsync(store, statement, ct);

            var rate = verification.EventsChecked / Math.Max(elapsed.TotalSeconds, 1e-9);
            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    ok = problem is null,
                    eventsChecked = verification.EventsChecked,
                    lastPosition = verification.LastPosition,
                    digest = Convert.ToHexStringLower(verification.LastHash),
                    seconds = elapsed.TotalSeconds,
                    eventsPerSecond = Math.Round(rate),
                    checkpoint = statement is null ? null : new { statement.Position, statement.Digest, statement.SignedAt },
                    problem = problem is null ? null : new { problem.Position, kind = problem.Kind.ToString().ToLowerInvariant(), problem.Detail },
                }, CheckpointSigner.Json));
            }
            else if (problem is null)
            {
                Console.WriteLine($"OK: {verification.EventsChecked:N0} events, chain intact up to position {verification.LastPosition} " +
                                  $"(digest {Convert.ToHexStringLower(verification.LastHash)}), {rate:N0} events/s" +
                                  (statement is null ? "" : $"; extends the checkpoint signed on {statement.SignedAt:u} at position {statement.Position}"));
            }
            else
            {
                Console.WriteLine($"TAMPERED at position {problem.Position}: {problem.Kind.ToString().ToLowerInvariant()}: {problem.Detail}");
            }
            return problem is null ? 0 : Tampered;
        });
        return command;
    }
}
