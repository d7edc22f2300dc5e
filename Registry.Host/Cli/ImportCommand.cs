using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Registry.Host.Cli.Import;
using Registry.Write.Access;
using Registry.Write.Pipeline;

namespace Registry.Host.Cli;

/// <summary><c>registry import FILE.csv|FILE.jsonl --command Name</c>: a bulk load with a progress bar on standard error.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A .csv file (header = field names) or a .jsonl file (one JSON object per line)" };
        var name = new Option<string>("--command") { Description = "The command each row is, e.g. RegisterStartup", Required = true };
        var command = new Command("import", "Bulk-load rows as commands; refused rows go to FILE.rejects.csv");
        command.Arguments.Add(file);
        command.Options.Add(name);
        command.Options.Add(CliPrincipal.Key);
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"{path}: no such file");
                return 2;
            }
            await using var store = await StoreOptions.Location(result).OpenAsync(ct: ct);
            await using var services = WriteSide.CreateProvider(store);
            var sender = services.GetRequiredService<CommandSender>();
            if (!sender.Catalogue.TryGet(result.GetValue(name)!, out _))
            {
                await Console.Error.WriteLineAsync($"There is no command named '{result.GetValue(name)}'.");
                return 2;
            }
            var principal = await CliPrincipal.ResolveAsync(result, services.GetRequiredService<ApiKeyRegistry>(), ct);
            if (principal is null) return 2;
            var bar = new ProgressBar($"import {Path.GetFileName(path)}");
            ImportSummary summary;
            try
            {
                summary = await new Importer(sender, principal).ImportAsync(path, result.GetValue(name)!, new ForwardOnly(bar), ct);
            }
            catch (InvalidDataException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }
            bar.Done($"{summary.Rows} rows");
            Console.WriteLine($"{summary.Rows} rows: {summary.Recorded} recorded, {summary.AlreadyRecorded} already recorded, {summary.Rejected} rejected" +
                              (summary.RejectsFile is null ? "" : $" (reasons in {summary.RejectsFile})"));
            return summary.Rejected == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>Rows finish in parallel and out of order: the bar is drawn only forward, one report at a time.</summary>
    private sealed class ForwardOnly(ProgressBar bar) : IProgress<(int Done, int Total)>
    {
        private readonly Lock _lock = new();
        private int _drawn;

        public void Report((int Done, int Total) value)
        {
            lock (_lock)
            {
                if (value.Done <= _drawn) return;
                _drawn = value.Done;
                bar.Report(value.Done, value.Total);
            }
        }
    }
}
