using Registry.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Registry.Projections.Runtime;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Contracts.Common;
using Registry.Contracts.Plans;
using Registry.EventStore;
using Registry.Host.Http;
using Registry.Projections;
using Registry.Projections.Rebuild;
using Registry.Read;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Read.Http;

/// <summary>The HTTP surface of the read API on the embedded store: plan numbers with '/', 400 problems naming the parameter, 503 for after=.</summary>
public sealed class QueryEndpointsSpecs
{
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private SqlEventStore _store = null!;

    [OneTimeSetUp]
    public async Task Serve()
    {
        var location = StoreKind.NewLocation(StoreKind.Sqlite);
        _store = await location.OpenAsync();
        var plan = new ProvincialPlanAdopted("ls-201", "201/KH-UBND", "UBND tỉnh Lạng Sơn", new DateOnly(2021, 9, 1), "20", 2021, 2025, "Kế hoạch",
            [new PlanTarget("prizes", PlanMetric.PrizesAwarded, 10, 12, "giải", true, new DateOnly(2025, 12, 31), "10–12 giải")], new DateOnly(2021, 9, 1), "201/KH-UBND");
        await _store.AppendAsync(StreamNames.Plan("ls-201"), ExpectedRevision.Any,
        [
            new EventData(Guid.NewGuid(), nameof(ProvincialPlanAdopted), JsonSerializer.SerializeToUtf8Bytes(plan, RegistryJson.Options),
                JsonSerializer.SerializeToUtf8Bytes(new EventMetadata(plan.OccurredOn, "test", plan.Source, Guid.NewGuid(), Guid.NewGuid()), RegistryJson.Options)),
        ]);
        await using (var db = ReadDatabase.For(location))
            await new OfflineRebuilder(_store, db.CreateConnection, db.Dialect).RebuildAsync(ReadModels.All(), 1);

        var builder = RegistryWebHost.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new ProjectionWaiter(await ProjectionDatabase.OpenAsync(location), RegistryProjections.All.Select(p => p.Name)));
        _app = builder.Build();
        _app.MapQueryEndpoints(location, afterTimeout: TimeSpan.FromMilliseconds(100));
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    [TestCase("/api/plans/201%2FKH-UBND/progress")]
    [TestCase("/api/plans/201/KH-UBND/progress?province=20")]
    public async Task A_plan_number_with_a_slash_is_found_encoded_or_not(string path)
    {
        using var response = await _http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var progress = JsonSerializer.Deserialize<PlanProgress>(await response.Content.ReadAsStringAsync(), RegistryJson.Options)!;
        Assert.That((progress.Number, progress.Rows.Count), Is.EqualTo(("201/KH-UBND", 5)));
    }

    [TestCase("/api/startups?pageSize=0", "pageSize")]
    [TestCase("/api/startups?sort=size", "sort")]
    [TestCase("/api/provinces?map=1999", "map")]
    [TestCase("/api/provinces/20/dashboard?year=twenty", "year")]
    [TestCase("/api/findings?asOf=soon", "asOf")]
    [TestCase("/api/findings?asOf=12/11/2026", "asOf")] // 12 November or 11 December: not guessed
    [TestCase("/api/findings?asOf=1.5", "asOf")]
    [TestCase("/api/findings?asOf=2023-12-31T17", "asOf")]
    [TestCase("/api/search?q=a", "q")]
    [TestCase("/api/provinces?after=x", "after")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string path, string parameter)
    {
        using var response = await _http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(problem.RootElement.GetProperty("parameter").GetString(), Is.EqualTo(parameter));
    }

    [TestCase("2023-12-31")]
    [TestCase("2023-12-31T17:00")]
    [TestCase("2023-12-31T17:00:00Z")]
    [TestCase("2023-12-31T17:00:00.123456Z")]
    [TestCase("2023-12-31T17:00:00%2B07:00")]
    [TestCase("2023-12-31 17:00:00")]
    [TestCase("42")]
    public async Task A_moment_in_ISO_8601_or_a_log_position_is_answered(string asOf)
    {
        using var response = await _http.GetAsync($"/api/provinces?asOf={asOf}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task After_a_position_the_read_models_have_not_reached_is_a_503_with_retry_after()
    {
        using var response = await _http.GetAsync("/api/provinces?after=1000000");
        Assert.That((response.StatusCode, response.Headers.RetryAfter?.ToString()), Is.EqualTo((HttpStatusCode.ServiceUnavailable, "1")));
    }

    [Test]
    public async Task An_unknown_plan_is_a_404()
    {
        using var response = await _http.GetAsync("/api/plans/999%2FKH-UBND/progress");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
