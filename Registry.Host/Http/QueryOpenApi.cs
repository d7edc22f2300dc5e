using System.Text.Json.Nodes;
using Registry.Contracts.Audit;
using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Contracts.Findings;
using Registry.Contracts.Plans;
using Registry.Contracts.Provinces;
using Registry.Contracts.Search;
using Registry.Contracts.Startups;
using Registry.EventStore.Integrity;

namespace Registry.Host.Http;

/// <summary>
/// The read side's part of the OpenAPI document: each query of <see cref="QueryEndpoints"/> and <see cref="AuditEndpoints"/>
/// with its parameters and the schema of its answer, and the partners' event feed. Written by hand beside the endpoints
/// because every parameter is taken as text and checked by the query itself (a bad one is a 400 naming it), which the
/// minimal-API generator would describe as untyped strings.
/// </summary>
public static class QueryOpenApi
{
    private sealed record Parameter(string Name, string In, string Description, JsonObject Schema, bool Required = false);

    private sealed record Query(string Path, string Id, string Summary, Type Answer, string AnswerName, bool MayBeMissing, params Parameter[] Parameters);

    private static JsonObject Text(string? format = null) => format is null ? new() { ["type"] = "string" } : new() { ["type"] = "string", ["format"] = format };
    private static JsonObject Integer(int minimum) => new() { ["type"] = "integer", ["minimum"] = minimum };
    private static JsonObject OneOf(params string[] values) => new() { ["type"] = "string", ["enum"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray()) };

    private static readonly Parameter AsOf = new("asOf", "query",
        "What the registry said at that moment: a log position (whole number) or an ISO 8601 timestamp. Default: now.", Text());
    private static readonly Parameter After = new("after", "query",
        "Read your writes: wait up to 5 s until the read models have reached this log position (the position a command answered), else 503 with Retry-After.",
        Integer(0));
    private static readonly Parameter Map = new("map", "query", "Which provincial map figures are grouped by: the 34 units of the 2025 reform or the 63 before it.",
        OneOf("2025", "pre2025"));
    private static readonly Parameter ValidOn = new("validOn", "query", "The date the facts must hold on (valid time), beside asOf (recorded time).", Text("date"));
    private static readonly Parameter Province = new("province", "query", "A province code of the chosen map.", Text());
    private static readonly Parameter Year = new("year", "query", "A year, 1900 to 2200.", Integer(1900));
    private static readonly Parameter Metric = new("metric", "query", "The metric whose figure is explained.", OneOf([.. PlanMetric.All]), Required: true);
    private static readonly Parameter PlanNumber = new("number", "path", "The plan's number, URL-encoded (its '/' as %2F), e.g. 201%2FKH-UBND.", Text(), Required: true);

    private static readonly Query[] Queries =
    [
        new("/api/provinces", "GetProvinces", "The provinces of a map, with their lineage through the 2025 reform", typeof(ProvinceList), nameof(ProvinceList), false,
            Map, AsOf, After),
        new("/api/provinces/{code}/dashboard", "GetProvinceDashboard", "A province's ecosystem figures by year", typeof(ProvinceDashboard), nameof(ProvinceDashboard), true,
            new("code", "path", "A province code of the chosen map.", Text(), Required: true), Year, Map, AsOf, ValidOn, After),
        new("/api/provinces/{code}/dashboard/explain", "ExplainProvinceDashboard", "The events behind one figure of a province's dashboard",
            typeof(MetricExplanation), nameof(MetricExplanation), true,
            new("code", "path", "A province code of the chosen map.", Text(), Required: true), Metric, Year, Map, AsOf, ValidOn, After),
        new("/api/startups", "SearchStartups", "Startups by name, province, sector and stage, a page at a time", typeof(PagedResult<StartupSummary>), "StartupPage", false,
            new("q", "query", "Words of the name, company, sectors or description, ignoring diacritics and case.", Text()),
            Province, new("sector", "query", "A sector.", Text()), new("stage", "query", "A stage.", OneOf("idea", "project", "company")),
            new("page", "query", "The page, from 1.", Integer(1)), new("pageSize", "query", "Startups per page, 1 to 100.", Integer(1)),
            new("sort", "query", "The order of the startups.", OneOf("name", "-name", "registered", "-registered", "province")), Map, AsOf, ValidOn, After),
        new("/api/plans/{number}/progress", "GetPlanProgress", "A plan's targets against the figures achieved, by metric and year", typeof(PlanProgress),
            nameof(PlanProgress), true, PlanNumber, Province, Map, AsOf, ValidOn, After),
        new("/api/plans/{number}/progress/explain", "ExplainPlanProgress", "The events behind one figure of a plan's progress", typeof(MetricExplanation),
            nameof(MetricExplanation), true, PlanNumber, Metric, Year, Province, Map, AsOf, ValidOn, After),
        new("/api/competitions/{id}", "GetCompetition", "A competition with its applications and prizes", typeof(CompetitionDetail), nameof(CompetitionDetail), true,
            new("id", "path", "The competition's id.", Text(), Required: true), AsOf, After),
        new("/api/findings", "GetFindings", "Probable duplicate startups and events, and reported figures that disagree with their itemized facts", typeof(FindingList),
            nameof(FindingList), false, Province, Map, AsOf, After),
        new("/api/search", "SearchAll", "Everything whose name matches, ignoring diacritics and case, a few of each kind", typeof(SearchResults),
            nameof(SearchResults), false, new("q", "query", "At least two letters or digits.", Text(), Required: true), AsOf, After),
        new("/api/audit/diff", "AuditDiff", "The events recorded between two moments and every dashboard and plan-progress figure that changed, old and new, with the events behind the change", typeof(AuditDiff), nameof(AuditDiff), false,
            new("from", "query", "A log position or an ISO 8601 timestamp.", Text(), Required: true),
            new("to", "query", "A log position or an ISO 8601 timestamp; default: now.", Text()), Province, After),
        new("/api/audit/plans/{number}", "AuditPlan", "Each year-end of a plan's period: every target against the actual as the registry said it then and as it says today, with the events behind both",
            typeof(PlanAudit), nameof(PlanAudit), true, PlanNumber, Province, After),
    ];

    private static JsonObject Get(string id, string summary, string answer, string? missing)
    {
        var responses = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "The answer",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = CommandOpenApi.Ref(answer) } },
            },
        };
        if (missing is not null) responses["404"] = CommandOpenApi.ProblemResponse(missing);
        return new JsonObject
        {
            ["get"] = new JsonObject { ["operationId"] = id, ["summary"] = summary, ["responses"] = responses, ["security"] = new JsonArray() },
        };
    }

    /// <summary>Adds the queries' paths to <paramref name="paths"/> and their answers' schemas to <paramref name="schemas"/>.</summary>
    public static void Add(JsonObject paths, JsonObject schemas)
    {
        foreach (var q in Queries)
        {
            schemas[q.AnswerName] ??= CommandOpenApi.Schema(q.Answer, q.AnswerName);
            var responses = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "The answer",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = CommandOpenApi.Ref(q.AnswerName) } },
                },
                ["400"] = CommandOpenApi.ProblemResponse("A parameter is not valid: the problem's 'parameter' names it"),
            };
            if (q.MayBeMissing) responses["404"] = CommandOpenApi.ProblemResponse("Nothing by that code, id or number (as of that moment)");
            responses["503"] = CommandOpenApi.ProblemResponse("The read models have not reached 'after' yet: retry after the Retry-After seconds");
            paths[q.Path] = new JsonObject
            {
                ["get"] = new JsonObject
                {
                    ["operationId"] = q.Id,
                    ["summary"] = q.Summary,
                    ["parameters"] = new JsonArray(q.Parameters.Select(p => (JsonNode)new JsonObject
                    {
                        ["name"] = p.Name, ["in"] = p.In, ["required"] = p.Required || p.In == "path", ["description"] = p.Description, ["schema"] = p.Schema.DeepClone(),
                    }).ToArray()),
                    ["responses"] = responses,
                    ["security"] = new JsonArray(), // public: the read side needs no key
                },
            };
        }
        schemas["ChainVerification"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["ok"] = new JsonObject { ["type"] = "boolean" },
                ["eventsChecked"] = new JsonObject { ["type"] = "integer" },
                ["lastPosition"] = new JsonObject { ["type"] = "integer" },
                ["digest"] = new JsonObject { ["type"] = "string", ["description"] = "The chain hash at lastPosition, lower-case hex" },
                ["problem"] = new JsonObject
                {
                    ["type"] = new JsonArray("object", "null"),
                    ["description"] = "The first break in the chain, or null",
                    ["properties"] = new JsonObject
                    {
                        ["position"] = new JsonObject { ["type"] = "integer" }, ["kind"] = Text(), ["detail"] = Text(),
                    },
                },
            },
        };
        paths["/api/audit/verify"] = Get("VerifyChain", "Recompute the log's SHA-256 chain from the first event: whether history is intact, and where it broke if not",
            "ChainVerification", missing: null);
        schemas[nameof(SignedCheckpoint)] ??= CommandOpenApi.Schema(typeof(SignedCheckpoint), nameof(SignedCheckpoint));
        paths["/api/audit/checkpoints/latest"] = Get("LatestCheckpoint",
            "The newest signed checkpoint (the chain hash at a position, signed with the registry's key), to keep and check a later log against",
            nameof(SignedCheckpoint), missing: "No checkpoint has been signed yet");
        paths["/api/feed"] = new JsonObject
        {
            ["get"] = new JsonObject
            {
                ["operationId"] = "Feed",
                ["summary"] = "Every event from a checkpoint, then live, as server-sent events (each a CloudEvent; its SSE id is the log position to resume from)",
                ["parameters"] = new JsonArray(
                    new JsonObject
                    {
                        ["name"] = "from", ["in"] = "query", ["required"] = false,
                        ["description"] = "The log position to start after, or 'end' for live events only; a reconnecting client's Last-Event-ID header does the same. A position beyond the log's head is refused (400): this registry never delivered it.",
                        ["schema"] = Text(),
                    },
                    new JsonObject
                    {
                        ["name"] = "types", ["in"] = "query", ["required"] = false, ["description"] = "Event type prefixes, comma-separated.", ["schema"] = Text(),
                    },
                    new JsonObject
                    {
                        ["name"] = "streams", ["in"] = "query", ["required"] = false, ["description"] = "Stream name prefixes, comma-separated.", ["schema"] = Text(),
                    }),
                ["responses"] = new JsonObject
                {
                    ["200"] = new JsonObject
                    {
                        ["description"] = "The stream of events, with a heartbeat comment every 15 s",
                        ["content"] = new JsonObject { ["text/event-stream"] = new JsonObject { ["schema"] = Text() } },
                    },
                    ["400"] = CommandOpenApi.ProblemResponse("A parameter is not valid, named in errors"),
                },
                ["security"] = new JsonArray(),
            },
        };
    }
}
