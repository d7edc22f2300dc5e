using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Registry.Contracts.Common;
using Registry.Write.Access;
using Registry.Write.Pipeline;

namespace Registry.Host.Cli;

/// <summary><c>registry send Name --json FILE|-</c>: one command through the write pipeline; the answer (or the problem) as JSON.</summary>
public static class SendCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The command, e.g. RegisterStartup" };
        var json = new Option<string>("--json") { Description = "A file with the command's fields as JSON, or - for standard input", Required = true };
        var id = new Option<Guid?>("--id") { Description = "The command id (idempotency key); a new one when left out" };
        var command = new Command("send", "Send one command (its fields as JSON)");
        command.Arguments.Add(name);
        command.Options.Add(json);
        command.Options.Add(id);
        command.Options.Add(CliPrincipal.Key);
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(json)!;
            if (path != "-" && !File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"--json: no such file '{path}' (give a file with the command's fields as JSON, or - to read them from standard input)");
                return 2;
            }
            var text = path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
            JsonElement body;
            try
            {
                body = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException e)
            {
                await Console.Error.WriteLineAsync($"{path}: not valid JSON: {e.Message}");
                return 2;
            }
            await using var store = await StoreOptions.Location(result).OpenAsync(ct: ct);
            await using var services = WriteSide.CreateProvider(store);
            var principal = await CliPrincipal.ResolveAsync(result, services.GetRequiredService<ApiKeyRegistry>(), ct);
            if (principal is null) return 2;
            var outcome = await services.GetRequiredService<CommandSender>()
                .SendAsync(result.GetValue(name)!, body, result.GetValue(id) ?? Guid.NewGuid(), principal, ct);
            var output = new JsonSerializerOptions(RegistryJson.Options) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            if (outcome.Succeeded)
            {
                Console.WriteLine(JsonSerializer.Serialize(outcome.Result, output));
                return 0;
            }
            await Console.Error.WriteLineAsync(JsonSerializer.Serialize(outcome.Error, output));
            return 1;
        });
        return command;
    }
}
