using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Trainings;
using Registry.EventStore;
using Registry.Projections;
using Registry.Projections.Rebuild;
using Registry.Read;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Cli;

/// <summary>
/// The command line's bad inputs: each gets one line saying what is wrong and what to do, an exit code, and no stack
/// trace; and a command that only reads never creates the database it was pointed at.
/// </summary>
public sealed class CommandLineErrorSpecs
{
    private string _folder = null!;

    [SetUp]
    public void Folder() => _folder = Directory.CreateTempSubdirectory("registry-cli-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [TestCase(2, "query", "startups")]
    [TestCase(2, "audit", "diff", "--from", "1")]
    [TestCase(2, "replay", "--until", "1")]
    [TestCase(1, "verify")]
    public async Task A_read_only_command_on_a_database_that_is_not_there_says_so_and_creates_nothing(int exitCode, params string[] command)
    {
        var missing = Path.Combine(_folder, "misspelt.db");
        var (code, _, error) = await Run([.. command, "--connection", missing]);
        Assert.That(code, Is.EqualTo(exitCode), error);
        Assert.That(error, Does.StartWith($"no registry database at '{missing}'"));
        Assert.That(File.Exists(missing), Is.False, "the command created the database it was to read");
    }

    [TestCase("--grpc-urls", "notaport", "--grpc-urls notaport: name a port")]
    [TestCase("--grpc-urls", "0.0.0.0:2297", "--grpc-urls 0.0.0.0:2297: plaintext gRPC is allowed on loopback only")]
    [TestCase("--tls-cert", "/missing.pem", "--tls-cert /missing.pem: no such file")]
    [TestCase("--urls", "https://127.0.0.1:5999", "--urls https://127.0.0.1:5999: https needs --tls-cert")]
    [TestCase("--urls", "http://example.org:5999", "the host must be an IP address, localhost or *")]
    public async Task A_serve_option_that_cannot_be_served_says_which_and_why(string option, string value, string says)
    {
        var (code, output, error) = await Run("serve", "--connection", Path.Combine(_folder, "registry.db"), option, value);

        Assert.That(code, Is.EqualTo(2), output + error);
        Assert.That(error, Does.StartWith("registry serve: ").And.Contain(says).And.Not.Contain("   at "));
    }

    [Test]
    public async Task Serving_on_a_port_that_is_taken_says_so_and_how_to_choose_another()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        // The HTTP endpoint is bound first, so the gRPC one is never reached.
        var (code, output, error) = await Run("serve", "--connection", Path.Combine(_folder, "registry.db"),
            "--urls", $"http://127.0.0.1:{port}", "--grpc-urls", $"127.0.0.1:{port}");

        Assert.That(code, Is.EqualTo(1), output + error);
        Assert.That(error, Does.Contain($"registry serve: Failed to bind to address http://127.0.0.1:{port}: address already in use")
            .And.Contain("choose other ports with --urls and --grpc-urls"));
    }

    [Test]
    public async Task A_query_before_the_read_models_are_built_says_how_to_build_them()
    {
        var location = new EventStoreLocation(EventStoreLocation.Sqlite, Path.Combine(_folder, "registry.db"));
        await using (var store = await location.OpenAsync()) await AppendTrainingAsync(store);

        var (code, output, error) = await Run("query", "startups", "--connection", location.Connection);

        Assert.That(code, Is.EqualTo(2), output + error);
        Assert.That(error, Does.Contain("the read models are not built").And.Contain("registry serve").And.Not.Contain("   at "));
    }

    [TestCase("plan", "NOPE", "no plan numbered 'NOPE'")]
    [TestCase("competition", "nope", "no competition 'nope'")]
    [TestCase("dashboard", "99", "province '99' is not a unit of the 2025 map")]
    public async Task A_query_that_finds_nothing_says_what_it_looked_for(string query, string key, string says)
    {
        var location = new EventStoreLocation(EventStoreLocation.Sqlite, Path.Combine(_folder, "registry.db"));
        await using (var store = await location.OpenAsync())
        {
            await AppendTrainingAsync(store);
            await using var db = ReadDatabase.For(location);
            await new OfflineRebuilder(store, db.CreateConnection, db.Dialect).RebuildAsync(ReadModels.All(), 1);
        }

        var (code, _, error) = await Run("query", query, key, "--connection", location.Connection);

        Assert.That(code, Is.EqualTo(1), error);
        Assert.That(error.Trim(), Does.StartWith(says));
    }

    [Test]
    public async Task Send_with_a_json_file_that_is_not_there_names_the_option_and_writes_nothing()
    {
        var location = new EventStoreLocation(EventStoreLocation.Sqlite, Path.Combine(_folder, "registry.db"));
        await using (var store = await location.OpenAsync()) await AppendTrainingAsync(store);

        var (code, _, error) = await Run("send", "RegisterStartup", "--json", "{\"startupId\":\"x\"}", "--connection", location.Connection);

        Assert.That(code, Is.EqualTo(2), error);
        Assert.That(error, Does.StartWith("--json: no such file '{\"startupId\":\"x\"}'").And.Not.Contain("   at "));
        await using var after = await location.OpenAsync();
        Assert.That(await after.GetHeadPositionAsync(), Is.EqualTo(1));
    }

    private static Task AppendTrainingAsync(IEventStore store)
    {
        var day = new DateOnly(2023, 6, 1);
        var fact = new TrainingRecorded("ls-1", "Tập huấn", "Sở KH&CN", "20", day, day, "sinh viên", Figure.Exact(120), day, "báo cáo 2023");
        return store.AppendAsync("training-ls-1", ExpectedRevision.Any,
            [new EventData(Guid.NewGuid(), nameof(TrainingRecorded), JsonSerializer.SerializeToUtf8Bytes(fact, RegistryJson.Options),
                JsonSerializer.SerializeToUtf8Bytes(new EventMetadata(day, "test", fact.Source, Guid.NewGuid(), Guid.NewGuid()), RegistryJson.Options))]);
    }

    private Task<(int Code, string Output, string Error)> Run(params string[] args) => RegistryExecutable.RunAsync(_folder, args);
}
