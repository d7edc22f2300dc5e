using System.Text.Json;
using Registry.Write.Access;
using Registry.Write.Pipeline;

namespace Registry.Host.Http;

/// <summary>
/// <c>POST /api/commands/{name}</c>: a command's fields as a JSON body, the key in <c>Authorization</c> or
/// <c>X-Api-Key</c>, and the command id in <c>Idempotency-Key</c> (a UUID, or any text up to 200 characters, which is
/// then scoped to the key). 201 with what was written; 200 with the first answer when the same command was sent
/// before; problem details otherwise: 400 fields, 401/403 key, 404 command, 409 rule or conflict, 413 size, 415 type,
/// 422 id reused. Also <c>GET /api/commands</c> (the names) and the OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class CommandEndpoints
{
    public const int MaxBodyBytes = 256 * 1024;
    public const int MaxIdempotencyKeyLength = 200;

    public static WebApplicationBuilder AddCommands(this WebApplicationBuilder builder)
    {
        builder.Services.AddWriteSide();
        return builder;
    }

    public static IEndpointRouteBuilder MapCommands(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/commands/{name}", SendAsync);
        app.MapGet("/api/commands", (CommandCatalogue catalogue) => Results.Ok(catalogue.All.Select(u => u.Name).Order()));
        app.MapGet("/openapi/v1.json", (CommandCatalogue catalogue) => Results.Text(CommandOpenApi.Document(catalogue), "application/json"));
        return app;
    }

    private static async Task<IResult> SendAsync(string name, HttpRequest request, CommandSender sender, ApiKeyRegistry keys, CancellationToken ct)
    {
        var (principal, unauthenticated) = await ApiKeyAuthentication.AuthenticateAsync(request, keys, ct);
        if (principal is null)
        {
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return CommandProblems.From(CommandError.Unauthenticated(unauthenticated!));
        }
        if (!sender.Catalogue.TryGet(name, out var useCase)) return CommandProblems.From(CommandError.UnknownCommand(name));
        if (!IsJson(request.ContentType))
            return CommandProblems.Status(StatusCodes.Status415UnsupportedMediaType, "Not JSON",
                $"send the command's fields as JSON (Content-Type: application/json), not '{request.ContentType ?? "no content type"}'");
        if (request.ContentLength > MaxBodyBytes) return TooLarge();
        var body = await ReadBodyAsync(request, ct);
        if (body is null) return TooLarge();

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return CommandProblems.From(CommandError.Invalid(new Dictionary<string, string[]> { [""] = [$"is not valid JSON: {e.Message}"] }));
        }
        using var document = json;

        var key = request.Headers["Idempotency-Key"].ToString().Trim();
        if (key.Length > MaxIdempotencyKeyLength)
            return CommandProblems.From(CommandError.Invalid(new Dictionary<string, string[]> { ["Idempotency-Key"] = [$"is longer than {MaxIdempotencyKeyLength} characters"] }));
        var commandId = key.Length == 0 ? Guid.NewGuid() : Guid.TryParse(key, out var id) ? id : DeterministicId.ForCommand($"{principal.KeyId}/{key}");

        var outcome = await sender.SendAsync(useCase.Name, document.RootElement, commandId, principal, ct);
        if (!outcome.Succeeded) return CommandProblems.From(outcome.Error);
        var answer = CommandAnswer.From(outcome.Result);
        return outcome.Result.AlreadyRecorded ? Results.Ok(answer) : Results.Json(answer, statusCode: StatusCodes.Status201Created);
    }

    private static bool IsJson(string? contentType)
    {
        if (contentType is null) return false;
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream((int)(request.ContentLength ?? 4096));
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult TooLarge() => CommandProblems.Status(StatusCodes.Status413PayloadTooLarge, "Body too large",
        $"a command's body is at most {MaxBodyBytes / 1024} KiB");
}
