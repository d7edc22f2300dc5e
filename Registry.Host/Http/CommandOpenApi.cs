using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Registry.Contracts.Common;
using Registry.Write.Pipeline;

namespace Registry.Host.Http;

/// <summary>
/// The OpenAPI 3.1 document of the HTTP API: the commands, written from the command catalogue (the bodies are chosen by
/// name at run time, which the minimal-API generator cannot describe), each with its path and JSON schema; and the
/// queries and the feed (<see cref="QueryOpenApi"/>).
/// </summary>
public static class CommandOpenApi
{
    private static readonly JsonSchemaExporterOptions Exporter = new() { TreatNullObliviousAsNonNullable = true };

    /// <summary>The registry's JSON, except that numbers are numbers: the write side does not take them as strings.</summary>
    private static readonly JsonSerializerOptions Json = new(RegistryJson.Options) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict };

    public static string Document(CommandCatalogue catalogue)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject
        {
            ["CommandAnswer"] = Schema(typeof(CommandAnswer), "CommandAnswer"),
            ["Problem"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["type"] = new JsonObject { ["type"] = "string" }, ["title"] = new JsonObject { ["type"] = "string" },
                    ["status"] = new JsonObject { ["type"] = "integer" }, ["detail"] = new JsonObject { ["type"] = "string" },
                    ["kind"] = new JsonObject { ["type"] = "string" },
                    ["parameter"] = new JsonObject { ["type"] = "string", ["description"] = "The query parameter that is not valid" },
                    ["after"] = new JsonObject { ["type"] = "integer", ["description"] = "The position the read models have not reached yet" },
                    ["errors"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } } },
                },
            },
        };
        foreach (var useCase in catalogue.All.OrderBy(u => u.Name, StringComparer.Ordinal))
        {
            schemas[useCase.Name] = Schema(useCase.CommandType, useCase.Name);
            paths[$"/api/commands/{useCase.Name}"] = new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["operationId"] = useCase.Name,
                    ["summary"] = $"{useCase.Name}{(useCase.AdminOnly ? " (administrators only)" : "")}",
                    ["parameters"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "Idempotency-Key", ["in"] = "header", ["required"] = false,
                        ["description"] = "The command id: a UUID, or text up to 200 characters scoped to the key. The same command again returns the first answer.",
                        ["schema"] = new JsonObject { ["type"] = "string" },
                    }),
                    ["requestBody"] = new JsonObject
                    {
                        ["required"] = true,
                        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(useCase.Name) } },
                    },
                    ["responses"] = Responses(),
                    ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }, new JsonObject { ["apiKey"] = new JsonArray() }),
                },
            };
        }
        QueryOpenApi.Add(paths, schemas);
        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Ecosystem Registry",
                ["version"] = "1",
                ["description"] = "Vietnam's innovative-startup ecosystem as immutable events: commands record facts, queries answer as of any moment.",
            },
            // Relative: the API is wherever this document was served from.
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["description"] = "{keyId}.{secret}" },
                    ["apiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Api-Key" },
                },
            },
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Responses()
    {
        var responses = new JsonObject
        {
            ["201"] = Answer("Recorded: the stream, revision, positions and events written"),
            ["200"] = Answer("Recorded before with this command id: the first answer, nothing written"),
        };
        foreach (var (status, text) in new[]
                 {
                     ("400", "Invalid fields, each named in errors"), ("401", "No API key, or not a valid one"), ("403", "The key's role or provinces do not allow it"),
                     ("409", "A rule of the registry forbids it (kind RuleBroken), or the stream kept changing while the command was decided (kind Conflict, with Retry-After: send it again)"), ("413", "Body too large"),
                     ("415", "Body is not JSON"), ("422", "The command id was used for a different command"),
                 })
            responses[status] = ProblemResponse(text);
        return responses;
    }

    internal static JsonObject ProblemResponse(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = Ref("Problem") } },
    };

    private static JsonObject Answer(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref("CommandAnswer") } },
    };

    internal static JsonObject Ref(string name) => new() { ["$ref"] = $"#/components/schemas/{name}" };

    /// <summary>The exporter's own references point into the schema ("#/properties/received"): re-rooted under components.</summary>
    internal static JsonNode Schema(Type type, string name)
    {
        var schema = Json.GetJsonSchemaAsNode(type, Exporter);
        Reroot(schema, $"#/components/schemas/{name}");
        return schema;
    }

    private static void Reroot(JsonNode? node, string root)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"] is JsonValue r && r.GetValue<string>() is { } target && target.StartsWith('#'))
                    o["$ref"] = root + target[1..];
                foreach (var (_, child) in o.ToList()) Reroot(child, root);
                break;
            case JsonArray a:
                foreach (var child in a) Reroot(child, root);
                break;
        }
    }
}
