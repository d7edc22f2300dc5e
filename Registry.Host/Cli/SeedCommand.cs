using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Registry.Host.Seed;
using Registry.Write.Pipeline;

namespace Registry.Host.Cli;

/// <summary>
/// <c>registry seed</c>: records the facts of the seed articles, PII 2023, the 63 provinces and the 2025 reform
/// (embedded, see Seed/README.md) through the write side, as the administrator. Running it again writes nothing.
/// </summary>
public static class SeedCommand
{
    public static readonly Option<bool> SkipIfSeeded = new("--skip-if-seeded")
    {
        Description = "Do nothing, quickly, when the seed's last fact is already in the log (ops/run)",
    };

    public static Command Create()
    {
        var command = new Command("seed", "Record the seed facts through the same commands as any user; running it again writes nothing twice");
        command.Options.Add(SkipIfSeeded);
        command.SetAction(async (ParseResult result, CancellationToken ct) =>
        {
            var lines = SeedData.Load();
            await using var store = await StoreOptions.Location(result).OpenAsync(ct: ct);
            await using var provider = WriteSide.CreateProvider(store);
            var seeder = new Seeder(provider.GetRequiredService<CommandSender>(), store);
            if (result.GetValue(SkipIfSeeded) && await seeder.IsSeededAsync(lines, ct))
            {
                Console.WriteLine($"Seed: already recorded ({lines.Count} facts), nothing to do");
                return 0;
            }
            var summary = await seeder.RunAsync(lines, ct);
            summary.WriteTo(Console.Out);
            return summary.Rejected.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
