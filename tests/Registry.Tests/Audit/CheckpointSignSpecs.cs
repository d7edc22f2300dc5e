using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Trainings;
using Registry.EventStore;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Audit;

/// <summary>
/// Given a log in a folder of its own, when an operator signs a checkpoint from another working directory, then the
/// statement lands where the server looks for it, and <c>GET /api/audit/checkpoints/latest</c> answers it.
/// </summary>
public sealed class CheckpointSignSpecs
{
    [Test]
    public async Task A_signed_checkpoint_is_served_by_a_registry_over_the_same_log_wherever_the_command_ran()
    {
        var location = StoreKind.NewLocation(StoreKind.Sqlite);
        await using (var store = await location.OpenAsync())
        {
            var day = new DateOnly(2023, 6, 1);
            var fact = new TrainingRecorded("ls-1", "Tập huấn", "Sở KH&CN", "20", day, day, "sinh viên", Figure.Exact(120), day, "báo cáo 2023");
            await store.AppendAsync("training-ls-1", ExpectedRevision.Any,
                [new EventData(Guid.NewGuid(), nameof(TrainingRecorded), JsonSerializer.SerializeToUtf8Bytes(fact, RegistryJson.Options),
                    JsonSerializer.SerializeToUtf8Bytes(new EventMetadata(day, "test", fact.Source, Guid.NewGuid(), Guid.NewGuid()), RegistryJson.Options))]);
        }
        var elsewhere = Directory.CreateTempSubdirectory("registry-sign-").FullName;
        var key = Path.Combine(elsewhere, "key.pem");

        var (code, output, error) = await RegistryExecutable.RunAsync(elsewhere, "checkpoint", "sign", "--connection", location.Connection, "--key", key);
        Assert.That(code, Is.Zero, output + error);

        var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(location.Connection))!, "checkpoints");
        Assert.That(File.Exists(Path.Combine(folder, "checkpoint-1.json")), Is.True, "written next to the log");
        Assert.That(Directory.Exists(Path.Combine(elsewhere, "data")), Is.False, "nothing written under the working directory");

        await using var server = await RegistryServer.StartAsync(location.Connection);
        using var http = new HttpClient { BaseAddress = server.HttpUrl };
        using var latest = JsonDocument.Parse(await http.GetStringAsync("/api/audit/checkpoints/latest"));
        Assert.That(latest.RootElement.GetProperty("position").GetInt64(), Is.EqualTo(1));
        Directory.Delete(elsewhere, recursive: true);
    }
}
