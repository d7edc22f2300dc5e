using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Dashboard;

/// <summary>
/// A real <c>registry serve</c> over <see cref="DashboardLog"/> and Debian's Chromium driven headless by Playwright
/// (the system browser: nothing is downloaded, the machines may be offline). One per fixture, to keep the run short.
/// </summary>
public sealed class DashboardBrowser : IAsyncDisposable
{
    private RegistryServer _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public DashboardLog Log { get; private set; } = null!;
    public IPage Page { get; private set; } = null!;
    public Uri Url => _server.HttpUrl;

    public static async Task<DashboardBrowser> StartAsync()
    {
        var browser = new DashboardBrowser();
        var path = Path.Combine(Path.GetTempPath(), "registry-tests", Guid.NewGuid().ToString("N"), "registry.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        browser.Log = await DashboardLog.WriteAsync(path);
        browser._server = await RegistryServer.StartAsync(path);
        await browser.ProjectionsCaughtUpAsync();
        browser._playwright = await Playwright.CreateAsync();
        browser._browser = await browser._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        browser.Page = await browser._browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        return browser;
    }

    /// <summary>Waits until every projection has applied the whole log: the pages read the read models.</summary>
    private async Task ProjectionsCaughtUpAsync()
    {
        using var http = new HttpClient { BaseAddress = _server.HttpUrl };
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>("/api/projections");
            var head = status.GetProperty("head").GetInt64();
            if (head > 0 && status.GetProperty("projections").EnumerateArray()
                    .All(p => p.GetProperty("state").GetString() == "superseded" || p.GetProperty("lagEvents").GetInt64() == 0))
                return;
            await Task.Delay(100);
        }
    }

    /// <summary>Goes to a route and waits until the page says it rendered it.</summary>
    public async Task GoAsync(string route)
    {
        await Page.EvaluateAsync("route => { location.hash = route; }", route);
        await Assertions.Expect(Page.Locator("main")).ToHaveAttributeAsync("data-rendered", new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(route.TrimStart('#').Split('?')[0]) + @"\|"));
    }

    /// <summary>Saves a screenshot under .build/screenshots (docs/ keeps the ones the README shows, copied from there).</summary>
    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryRoot.Path, ".build", "screenshots", $"dashboard-{name}.png"), FullPage = false });

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}
