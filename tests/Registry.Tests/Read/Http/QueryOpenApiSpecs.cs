using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.EventStore;
using Registry.Host.Feeds;
using Registry.Host.Hosting;
using Registry.Host.Http;
using Registry.Projections;
using Registry.Projections.Runtime;
using Registry.Tests.Infrastructure;
using Registry.Write.Pipeline;

namespace Registry.Tests.Read.Http;

/// <summary>
/// The OpenAPI document is what a client is generated from: every read endpoint must be in it, with exactly the
/// query parameters its handler takes, and nothing in it may name a path the registry does not serve.
/// </summary>
public sealed class QueryOpenApiSpecs
{
    private WebApplication _app = null!;
    private SqlEventStore _store = null!;
    private JsonElement _paths;

    [OneTimeSetUp]
    public async Task MapTheReadEndpoints()
    {
        var location = StoreKind.NewLocation(StoreKind.Sqlite);
        _store = await location.OpenAsync();
        var builder = RegistryWebHost.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IEventStore>(_store);
        builder.Services.AddSingleton(new ProjectionWaiter(await ProjectionDatabase.OpenAsync(location), RegistryProjections.All.Select(p => p.Name)));
        _app = builder.Build();
        _app.MapQueryEndpoints(location);
        _app.MapAuditEndpoints(location);
        _app.MapFeed();
        _paths = JsonDocument.Parse(CommandOpenApi.Document(new CommandCatalogue())).RootElement.GetProperty("paths").Clone();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    private IEnumerable<(string Pattern, MethodInfo Handler)> ReadRoutes() =>
        ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
        .Select(e => (e.RoutePattern.RawText!, e.Metadata.OfType<MethodInfo>().First()));

    private static Regex Matcher(string pattern) =>
        new("^" + Regex.Replace(pattern, @"\{\*\*\w+\}|\{\w+\}", m => m.Value.StartsWith("{**") ? ".+" : "[^/]+") + "$");

    /// <summary>The documented GET paths a route serves, with their "{x}" placeholders as sample segments.</summary>
    private List<JsonElement> Documented(string pattern) =>
        _paths.EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _) && Matcher(pattern).IsMatch(Regex.Replace(p.Name, @"\{\w+\}", "x")))
            .Select(p => p.Value.GetProperty("get")).ToList();

    [Test]
    public void Every_read_endpoint_is_documented_with_exactly_the_query_parameters_its_handler_takes()
    {
        var checkedRoutes = 0;
        foreach (var (pattern, handler) in ReadRoutes())
        {
            var documented = Documented(pattern);
            Assert.That(documented, Is.Not.Empty, $"GET {pattern} is not in the OpenAPI document");
            // The feed reads its query itself (HttpContext): its parameters are checked by its own specs.
            if (handler.GetParameters().Any(p => p.ParameterType == typeof(HttpContext))) continue;
            var routeValues = Regex.Matches(pattern, @"\{\*{0,2}(\w+)\}").Select(m => m.Groups[1].Value).ToHashSet();
            var taken = handler.GetParameters().Where(p => p.ParameterType == typeof(string) && !routeValues.Contains(p.Name!)).Select(p => p.Name!).Order().ToList();
            var described = documented.SelectMany(o => o.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().ToList() : [])
                .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).Distinct().Order().ToList();
            Assert.That(described, Is.EqualTo(taken), $"GET {pattern}: documented query parameters against the handler's");
            checkedRoutes++;
        }
        Assert.That(checkedRoutes, Is.GreaterThanOrEqualTo(10), "the read endpoints were found");
    }

    [Test]
    public void Every_documented_read_path_is_served()
    {
        var patterns = ReadRoutes().Select(r => r.Pattern).ToList();
        var documentedGets = _paths.EnumerateObject().Where(p => p.Value.TryGetProperty("get", out _) && p.Name.StartsWith("/api/", StringComparison.Ordinal)
            && p.Name != "/api/commands").Select(p => p.Name).ToList();
        Assert.That(documentedGets, Has.Count.GreaterThanOrEqualTo(12));
        foreach (var path in documentedGets)
            Assert.That(patterns.Any(p => Matcher(p).IsMatch(Regex.Replace(path, @"\{\w+\}", "x"))), Is.True, $"{path} is documented but not served");
    }
}
