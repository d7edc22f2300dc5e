using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Write.Http;

/// <summary>The command API over real HTTP on 127.0.0.1, on both adapters.</summary>
[TestFixtureSource(typeof(StoreKind), nameof(StoreKind.All))]
public sealed class CommandHttpSpecs(string kind)
{
    private CommandServer _server = null!;

    [SetUp]
    public async Task Start() => _server = await CommandServer.StartAsync(kind);

    [TearDown]
    public async Task Stop() => await _server.DisposeAsync();

    public const string Startup = """
        {"startupId":"hoa-sen","name":"Hoa Sen","provinceCode":"20","sectors":["agritech"],"stage":"project","foundedOn":null,
         "founders":[{"name":"Nguyễn Văn A"}],"description":null,"website":null,"occurredOn":"2023-05-01","source":"Báo Lạng Sơn"}
        """;

    public static HttpRequestMessage Post(string command, string body, string? key, string? idempotencyKey = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/commands/{command}") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    [Test]
    public async Task A_command_answers_with_its_stream_revision_position_and_events()
    {
        using var response = await _server.Client.SendAsync(Post("RegisterStartup", Startup, _server.AdminKey));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = answer.RootElement;
        Assert.That(root.GetProperty("stream").GetString(), Is.EqualTo("startup-hoa-sen"));
        Assert.That(root.GetProperty("revision").GetInt64(), Is.EqualTo(0));
        Assert.That(root.GetProperty("position").GetInt64(), Is.EqualTo(await _server.Store.GetHeadPositionAsync()));
        Assert.That(root.GetProperty("events")[0].GetProperty("eventType").GetString(), Is.EqualTo("StartupRegistered"));
    }

    [Test]
    public async Task The_same_idempotency_key_returns_the_first_answer_and_writes_nothing()
    {
        using var first = await _server.Client.SendAsync(Post("RegisterStartup", Startup, _server.AdminKey, "import-2024-row-1"));
        var head = await _server.Store.GetHeadPositionAsync();
        using var again = await _server.Client.SendAsync(Post("RegisterStartup", Startup, _server.AdminKey, "import-2024-row-1"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("\"alreadyRecorded\":true"));
        Assert.That(JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("events").GetRawText(),
            Is.EqualTo(JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("events").GetRawText()));
        Assert.That(await _server.Store.GetHeadPositionAsync(), Is.EqualTo(head));
    }

    [Test]
    public async Task The_same_idempotency_key_with_another_payload_is_422_and_writes_nothing()
    {
        var key = Guid.NewGuid().ToString();
        await _server.Client.SendAsync(Post("RegisterStartup", Startup, _server.AdminKey, key));
        var head = await _server.Store.GetHeadPositionAsync();
        using var other = await _server.Client.SendAsync(Post("RegisterStartup", Startup.Replace("Hoa Sen", "Sen Hồng"), _server.AdminKey, key));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(other.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await _server.Store.GetHeadPositionAsync(), Is.EqualTo(head));
    }

    [Test]
    public async Task Concurrent_identical_requests_write_once()
    {
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _server.Client.SendAsync(Post("RegisterStartup", Startup, _server.AdminKey, key))));
        Assert.That(responses.Select(r => (int)r.StatusCode), Is.All.AnyOf(200, 201));
        Assert.That(await _server.Store.GetStreamRevisionAsync("startup-hoa-sen"), Is.EqualTo(0));
    }

    [Test]
    public async Task Basic_auth_with_key_id_and_secret_is_accepted()
    {
        var request = Post("RegisterStartup", Startup, null);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_server.AdminKey.Replace('.', ':'))));
        using var response = await _server.Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task The_OpenAPI_document_lists_every_command_with_its_schema()
    {
        var catalogue = new Registry.Write.Pipeline.CommandCatalogue();
        using var document = JsonDocument.Parse(await _server.Client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.That(catalogue.All, Has.Count.EqualTo(29));
        foreach (var useCase in catalogue.All)
        {
            Assert.That(paths.TryGetProperty($"/api/commands/{useCase.Name}", out _), Is.True, useCase.Name);
            Assert.That(schemas.GetProperty(useCase.Name).GetProperty("properties").TryGetProperty("occurredOn", out _), Is.True, useCase.Name);
        }
    }
}
