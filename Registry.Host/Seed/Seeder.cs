using System.Text.Json;
using Registry.EventStore;
using Registry.Write.Pipeline;

namespace Registry.Host.Seed;

/// <summary>
/// Sends the seed lines through the write side, in order, as the administrator: each line is validated, authorized
/// and decided like any user's command, and its command id makes a second run write nothing.
/// </summary>
public sealed class Seeder(CommandSender sender, IEventStore store)
{
    public static readonly Principal Admin = Principal.Admin("seed");

    /// <summary>Whether the last line's fact is in the log, i.e. a seeding has already run to its end (one lookup).</summary>
    public async Task<bool> IsSeededAsync(IReadOnlyList<SeedLine> lines, CancellationToken ct) =>
        await store.ReadEventAsync(DeterministicId.ForEvent(lines[^1].CommandId, 0), ct) is not null;

    public async Task<SeedSummary> RunAsync(IReadOnlyList<SeedLine> lines, CancellationToken ct)
    {
        var summary = new SeedSummary();
        // The first event each line wrote, by key: a correction names the event it corrects by the line that wrote it.
        var eventOf = new Dictionary<string, Guid>();
        foreach (var line in lines)
        {
            if (Body(line, eventOf) is not { } body)
            {
                summary.Rejected.Add((line, $"it corrects '{line.Corrects}', which was not recorded"));
                continue;
            }
            var outcome = await sender.SendAsync(line.Command, body, line.CommandId, Admin, ct);
            if (!outcome.Succeeded)
            {
                summary.Rejected.Add((line, $"{outcome.Error.Title}: {outcome.Error.Detail}"));
                continue;
            }
            if (outcome.Result.Events.Count > 0) eventOf[line.Key] = outcome.Result.Events[0].EventId;
            if (outcome.Result.AlreadyRecorded) summary.AlreadyThere++;
            else summary.Recorded++;
        }
        return summary;
    }

    private static JsonElement? Body(SeedLine line, Dictionary<string, Guid> eventOf) =>
        line.Corrects is null ? line.Body
        : eventOf.TryGetValue(line.Corrects, out var corrected) ? line.BodyCorrecting(corrected)
        : null;
}
