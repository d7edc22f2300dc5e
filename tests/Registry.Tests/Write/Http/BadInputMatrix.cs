using System.Net;
using System.Text;
using System.Text.Json;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Write.Http;

/// <summary>
/// Every bad input gets its own clear error, as problem details, and leaves the log exactly as it was (same head).
/// </summary>
public sealed class BadInputMatrix
{
    public enum Key { None, Invalid, Admin, Analyst, LangSonEditor }

    /// <param name="Body">The body as text; each <see cref="InvalidByte"/> in it is sent as the byte 0xFF, which UTF-8 never uses.</param>
    public sealed record Case(string Name, string Command, string Body, Key Key, HttpStatusCode Status, string Says, string? Field = null,
        string ContentType = "application/json")
    {
        public override string ToString() => Name;
    }

    private const char InvalidByte = '\uFFFF';

    private static string Startup(string from, string to) => CommandHttpSpecs.Startup.Replace(from, to);

    public static IEnumerable<Case> Cases()
    {
        yield return new("missing fields", "RegisterStartup", """{"startupId":"x"}""", Key.Admin, HttpStatusCode.BadRequest, "is required", "name");
        yield return new("wrong types", "RegisterStartup", Startup("\"sectors\":[\"agritech\"]", "\"sectors\":\"agritech\""), Key.Admin,
            HttpStatusCode.BadRequest, "must be a JSON array", "sectors");
        yield return new("number as text", "RecordApplications",
            """{"competitionId":"c","received":{"value":"ten"},"valid":{"value":1},"occurredOn":"2023-01-01","source":"s"}""", Key.Admin,
            HttpStatusCode.BadRequest, "must be a number", "received.value");
        yield return new("bad enum", "RegisterStartup", Startup("\"project\"", "\"unicorn\""), Key.Admin, HttpStatusCode.BadRequest, "must be one of: idea, project, company", "stage");
        yield return new("unknown field", "RegisterStartup", Startup("\"website\":null", "\"website\":null,\"valuation\":1"), Key.Admin,
            HttpStatusCode.BadRequest, "is not a field of RegisterStartup", "valuation");
        yield return new("unknown province", "RegisterStartup", Startup("\"20\"", "\"99\""), Key.Admin, HttpStatusCode.BadRequest, "'99' is not a province code", "provinceCode");
        yield return new("Yên Bái in 2026", "RegisterStartup", Startup("\"20\"", "\"Yên Bái\"").Replace("2023-05-01", "2026-02-01"), Key.Admin,
            HttpStatusCode.BadRequest, "Yên Bái became part of Lào Cai on 1 July 2025", "provinceCode");
        yield return new("date in the future", "RegisterStartup", Startup("2023-05-01", "2099-01-01"), Key.Admin, HttpStatusCode.BadRequest, "in the future", "occurredOn");
        yield return new("date before the registry's span", "RegisterStartup", Startup("\"foundedOn\":null", "\"foundedOn\":\"1800-01-01\""), Key.Admin,
            HttpStatusCode.BadRequest, "must be a date from 1945-09-02", "foundedOn");
        yield return new("not a date", "RegisterStartup", Startup("2023-05-01", "2023-13-45"), Key.Admin, HttpStatusCode.BadRequest, "yyyy-MM-dd", "occurredOn");
        yield return new("id with spaces", "RegisterStartup", Startup("\"hoa-sen\"", "\"hoa sen\""), Key.Admin, HttpStatusCode.BadRequest, "names a stream", "startupId");
        yield return new("negative count", "RecordApplications",
            """{"competitionId":"c","received":{"value":-5},"valid":{"value":1},"occurredOn":"2023-01-01","source":"s"}""", Key.Admin,
            HttpStatusCode.BadRequest, "must not be negative", "received.value");
        yield return new("not an object", "RegisterStartup", "[1,2]", Key.Admin, HttpStatusCode.BadRequest, "must be a JSON object", "");
        yield return new("malformed JSON", "RegisterStartup", """{"startupId": """, Key.Admin, HttpStatusCode.BadRequest, "is not valid JSON", "");
        yield return new("invalid UTF-8 in a text", "RegisterStartup", Startup("Hoa Sen", $"Hoa{InvalidByte}Sen"), Key.Admin, HttpStatusCode.BadRequest,
            "is not valid text", "name");
        yield return new("invalid UTF-8 in a list's record", "RegisterStartup", Startup("Nguyễn Văn A", $"Nguy{InvalidByte}n"), Key.Admin, HttpStatusCode.BadRequest,
            "is not valid text", "founders[0].name");
        yield return new("invalid UTF-8 in an enum", "RegisterStartup", Startup("\"project\"", $"\"pro{InvalidByte}ject\""), Key.Admin, HttpStatusCode.BadRequest,
            "is not valid text", "stage");
        yield return new("invalid UTF-8 in a date", "RegisterStartup", Startup("2023-05-01", $"2023-0{InvalidByte}-01"), Key.Admin, HttpStatusCode.BadRequest,
            "is not valid text", "occurredOn");
        yield return new("invalid UTF-8 in a field name", "RegisterStartup", Startup("\"website\":null", $"\"web{InvalidByte}site\":null"), Key.Admin,
            HttpStatusCode.BadRequest, "has a field name that is not valid text", "");
        yield return new("unpaired surrogate escape", "RegisterStartup", Startup("Hoa Sen", "Hoa\\ud800Sen"), Key.Admin, HttpStatusCode.BadRequest,
            "no unpaired surrogate", "name");
        yield return new("oversize", "RegisterStartup", Startup("Hoa Sen", new string('x', 300 * 1024)), Key.Admin, HttpStatusCode.RequestEntityTooLarge, "at most 256 KiB");
        yield return new("not JSON", "RegisterStartup", "startupId=hoa-sen", Key.Admin, HttpStatusCode.UnsupportedMediaType, "not 'application/x-www-form-urlencoded'",
            ContentType: "application/x-www-form-urlencoded");
        yield return new("no key", "RegisterStartup", CommandHttpSpecs.Startup, Key.None, HttpStatusCode.Unauthorized, "send an API key");
        yield return new("invalid key", "RegisterStartup", CommandHttpSpecs.Startup, Key.Invalid, HttpStatusCode.Unauthorized, "not valid");
        yield return new("wrong role", "RegisterStartup", CommandHttpSpecs.Startup, Key.Analyst, HttpStatusCode.Forbidden, "role analyst, which may not record facts");
        yield return new("another province's key", "RegisterStartup", Startup("\"20\"", "\"24\""), Key.LangSonEditor, HttpStatusCode.Forbidden, "not of 24");
        yield return new("map for administrators", "RegisterProvince",
            """{"code":"30","name":"Hải Dương","kind":"province","region":"r","validFrom":"2008-08-01","occurredOn":"2008-08-01","source":"s"}""",
            Key.LangSonEditor, HttpStatusCode.Forbidden, "administrators only");
        yield return new("unknown command", "RegisterUnicorn", "{}", Key.Admin, HttpStatusCode.NotFound, "no command named 'RegisterUnicorn'");
        yield return new("broken rule", "AwardPrize",
            """{"competitionId":"ghost","prizeId":"p","recipientKind":"project","recipientId":"x","recipientName":"X","rank":"1","amountVnd":null,"occurredOn":"2023-01-01","source":"s"}""",
            Key.Admin, HttpStatusCode.Conflict, "competition 'ghost' has not been launched");
    }

    private CommandServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await CommandServer.StartAsync(StoreKind.Sqlite);

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    [TestCaseSource(nameof(Cases))]
    public async Task Each_bad_input_gets_its_clear_error_and_the_log_is_unchanged(Case c)
    {
        var head = await _server.Store.GetHeadPositionAsync();
        var key = c.Key switch
        {
            Key.Admin => _server.AdminKey, Key.Analyst => _server.AnalystKey, Key.LangSonEditor => _server.LangSonEditorKey,
            Key.Invalid => _server.AdminKey[..^2] + "xx", _ => null,
        };
        using var request = CommandHttpSpecs.Post(c.Command, c.Body, key, contentType: c.ContentType);
        if (c.Body.Contains(InvalidByte))
        {
            var bytes = c.Body.Split(InvalidByte).Select(Encoding.UTF8.GetBytes).Aggregate((before, after) => [.. before, 0xFF, .. after]);
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(c.ContentType);
        }
        using var response = await _server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(c.Status), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(text);
        if (c.Field is null) Assert.That(problem.RootElement.GetProperty("detail").GetString(), Does.Contain(c.Says));
        else
        {
            Assert.That(problem.RootElement.GetProperty("errors").TryGetProperty(c.Field, out var errors), Is.True, text);
            Assert.That(errors.EnumerateArray().Select(e => e.GetString()), Has.Some.Contains(c.Says), text);
        }
        Assert.That(await _server.Store.GetHeadPositionAsync(), Is.EqualTo(head), "the log changed");
    }
}
