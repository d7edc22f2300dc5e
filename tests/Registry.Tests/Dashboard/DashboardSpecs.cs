using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Registry.Tests.Dashboard;

/// <summary>The dashboard in a real browser against a real <c>registry serve</c>: every page, search, the map switch, time travel and explain links.</summary>
[NonParallelizable]
public sealed class DashboardSpecs
{
    private DashboardBrowser _browser = null!;
    private IPage Page => _browser.Page;

    [OneTimeSetUp]
    public async Task Start()
    {
        _browser = await DashboardBrowser.StartAsync();
        await Page.GotoAsync(_browser.Url.ToString());
        await Expect(Page.Locator("main")).ToHaveAttributeAsync("data-rendered", new Regex(@"^/\|"));
        await Page.Locator("#overview-year").SelectOptionAsync(DashboardLog.Year.ToString());
        await Expect(Page.Locator("h2").First).ToContainTextAsync(DashboardLog.Year.ToString());
    }

    [OneTimeTearDown]
    public async Task Stop() => await _browser.DisposeAsync();

    private ILocator Cell(string code, string key) => Page.Locator($"#overview-table tr[data-code='{code}'] td[data-key='{key}']");

    [Test, Order(1)]
    public async Task The_overview_lists_every_province_with_its_figures_and_a_ranked_chart_in_Vietnamese()
    {
        await _browser.GoAsync("#/");
        await Expect(Page.Locator("header h1")).ToHaveTextAsync("Sổ đăng ký hệ sinh thái khởi nghiệp");
        await Expect(Cell("20", "startups")).ToHaveTextAsync("2");
        await Expect(Cell("20", "participants")).ToHaveTextAsync("150");
        await Expect(Page.Locator(".chart canvas")).ToHaveCountAsync(1);
        await _browser.ScreenshotAsync("overview");
    }

    [Test, Order(2)]
    public async Task Switching_to_the_2025_map_rolls_Vinh_Phuc_into_Phu_Tho()
    {
        await _browser.GoAsync("#/");
        await Page.Locator("#map").SelectOptionAsync("pre2025");
        await Expect(Page.Locator("main")).ToHaveAttributeAsync("data-rendered", new Regex(@"^/\|pre2025\|"));
        await Expect(Cell("26", "startups")).ToHaveTextAsync("2");
        await Expect(Cell("25", "startups")).ToHaveTextAsync("1");

        await Page.Locator("#map").SelectOptionAsync("2025");
        await Expect(Page.Locator("main")).ToHaveAttributeAsync("data-rendered", new Regex(@"^/\|2025\|"));
        await Expect(Page.Locator("#overview-table tr[data-code='26']")).ToHaveCountAsync(0);
        await Expect(Cell("25", "startups")).ToHaveTextAsync("3");
    }

    [Test, Order(3)]
    public async Task Searching_lang_son_without_diacritics_finds_Lang_Son_startups_and_their_history()
    {
        await _browser.GoAsync("#/startups");
        await Page.GetByLabel("Tìm kiếm (không cần dấu)").FillAsync("lang son");
        await Page.Locator("#startup-filters button[type=submit]").ClickAsync();
        await Expect(Page.Locator("#startup-table tbody tr")).ToHaveCountAsync(2);
        await Expect(Page.Locator("#startup-table")).ToContainTextAsync("Trà Hoa Vàng");
        await Expect(Page.Locator("#startup-table")).ToContainTextAsync("Hợp tác xã Na Lạng Sơn");
        await _browser.ScreenshotAsync("startups");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Trà Hoa Vàng" }).ClickAsync();
        await Expect(Page.Locator("#startup-history")).ToContainTextAsync("StartupRegistered");
        await Expect(Page.Locator("#startup-history")).ToContainTextAsync("Sở KH&CN");
        await Expect(Page.Locator("#startup-history")).ToContainTextAsync("01/03/2025");
    }

    [Test, Order(4)]
    public async Task The_date_control_shows_a_figure_as_the_registry_said_it_before_a_later_correction()
    {
        await _browser.GoAsync("#/province/20");
        var participants = Page.Locator("#dashboard-figures tr[data-metric='training_participants'] td.num");
        await Expect(participants).ToHaveTextAsync("150");
        await Expect(Page.Locator("#banner")).ToBeHiddenAsync();
        await _browser.ScreenshotAsync("province");

        // The log's clock recorded both facts today: stand at the moment the original was recorded, before its correction.
        await Page.GetByLabel("Xem sổ như tại (dd/MM/yyyy)").FillAsync(_browser.Log.BeforeCorrection.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#banner")).ToBeVisibleAsync();
        await Expect(Page.Locator("#banner")).ToContainTextAsync("không phải số liệu hiện tại");
        await Expect(participants).ToHaveTextAsync("120");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Hiện tại" }).ClickAsync();
        await Expect(participants).ToHaveTextAsync("150");
        await Expect(Page.Locator("#banner")).ToBeHiddenAsync();
    }

    [Test, Order(5)]
    public async Task A_date_in_dd_MM_yyyy_before_anything_was_recorded_shows_an_empty_registry()
    {
        await _browser.GoAsync("#/");
        await Page.GetByLabel("Xem sổ như tại (dd/MM/yyyy)").FillAsync("31/12/2023");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#banner")).ToContainTextAsync("31/12/2023");
        await Expect(Page.Locator("#overview-table tbody tr")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Hiện tại" }).ClickAsync();
        await Expect(Page.Locator("#banner")).ToBeHiddenAsync();
    }

    [Test, Order(6)]
    public async Task An_explain_link_opens_the_events_behind_the_figure_or_says_the_server_lacks_it()
    {
        await _browser.GoAsync("#/province/20");
        await Page.Locator("#dashboard-figures tr[data-metric='training_participants'] a").ClickAsync();
        await Expect(Page.Locator("main")).ToHaveAttributeAsync("data-rendered", new Regex(@"^/explain\|"));
        // The explain API is built on another branch: either its events or a clear message, never a broken page.
        await Expect(Page.Locator("#explain-events, main .error")).ToBeVisibleAsync();
    }

    [Test, Order(7)]
    public async Task The_audit_page_and_the_English_switch_render()
    {
        await _browser.GoAsync("#/audit");
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("Kiểm toán sổ");
        await Page.GetByLabel("Ngôn ngữ").SelectOptionAsync("en");
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("Registry audit");
        await Page.GetByLabel("Language").SelectOptionAsync("vi");
        await Expect(Page.Locator("main h1")).ToHaveTextAsync("Kiểm toán sổ");
    }

    [Test, Order(8)]
    public async Task Every_call_of_a_page_reads_the_registry_at_the_position_the_page_started_at()
    {
        await _browser.GoAsync("#/");
        var calls = new List<string>();
        void Record(object? sender, IRequest request)
        {
            if (request.Url.Contains("/api/")) lock (calls) calls.Add(request.Url);
        }
        Page.Request += Record;
        try { await _browser.GoAsync("#/province/20"); }
        finally { Page.Request -= Record; }

        var asOf = calls.Select(u => System.Web.HttpUtility.ParseQueryString(new Uri(u).Query)["asOf"]).ToList();
        Assert.That(calls, Has.Count.GreaterThan(5));
        Assert.That(asOf[0], Is.Null, "the first call finds the position the page is read at");
        Assert.That(asOf.Skip(1).Distinct().ToList(), Has.Count.EqualTo(1), string.Join("\n", calls));
        Assert.That(asOf[1], Does.Match("^[0-9]+$"));
        var explain = await Page.Locator("#dashboard-figures tr[data-metric='training_participants'] a").GetAttributeAsync("href");
        Assert.That(explain, Does.Contain($"at={asOf[1]}"), "an explain link shows the events behind the figure as it was read");
        await Page.Locator("#dashboard-figures tr[data-metric='training_participants'] a").ClickAsync();
        await Expect(Page.Locator("#read-at")).ToContainTextAsync($"vị trí {asOf[1]}");
    }
}
