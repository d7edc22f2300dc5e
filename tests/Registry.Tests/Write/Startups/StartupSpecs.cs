using Registry.Contracts.Common;
using Registry.Contracts.Organizations;
using Registry.Contracts.Startups;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Startups;

public sealed class StartupSpecs : WriteSpecification
{
    private static readonly DateOnly On = new(2023, 5, 1);
    private const string Stream = "startup-hoa-sen";

    private static RegisterStartup Register(string province = "20", DateOnly? on = null) =>
        new("hoa-sen", "Hoa Sen", province, ["agritech"], StartupStage.Project, new DateOnly(2022, 1, 1), [new Founder("Nguyễn Văn A")],
            null, "https://hoasen.vn", on ?? On, "Báo Lạng Sơn");

    private static StartupRegistered Registered(string province = "20", DateOnly? on = null)
    {
        var c = Register(province, on);
        return new(c.StartupId, c.Name, c.ProvinceCode, c.Sectors, c.Stage, c.FoundedOn, c.Founders, c.Description, c.Website, c.OccurredOn, c.Source);
    }

    [Test]
    public async Task A_startup_is_registered_in_a_province_valid_on_the_date()
    {
        var r = Registered();
        await ThenWrote(await When(Register()), Stream, r);
    }

    [Test]
    public async Task A_startup_is_registered_once()
    {
        await Given(Stream, Registered());
        await ThenRefused(await When(Register()), CommandErrorKind.RuleBroken, "already registered");
    }

    [Test]
    public async Task A_2023_fact_may_name_Yen_Bai()
    {
        var outcome = await When(Register("15", new DateOnly(2023, 3, 1)));
        Assert.That(outcome.Succeeded, Is.True, () => outcome.Error!.Detail);
    }

    [Test]
    public async Task A_2026_fact_may_not_name_Yen_Bai_and_is_told_it_became_part_of_Lao_Cai()
    {
        await ThenRefused(await When(Register("Yên Bái", new DateOnly(2026, 3, 1))), CommandErrorKind.Invalid,
            "Yên Bái became part of Lào Cai on 1 July 2025", "provinceCode");
    }

    [Test]
    public async Task A_2026_fact_may_not_name_a_code_retired_by_the_reform()
    {
        await ThenRefused(await When(Register("10", new DateOnly(2026, 3, 1))), CommandErrorKind.Invalid,
            "Lào Cai (10) became part of Lào Cai (15) on 1 July 2025", "provinceCode");
    }

    [Test]
    public async Task After_the_reform_code_15_means_Lao_Cai()
    {
        var outcome = await When(Register("15", new DateOnly(2026, 3, 1)));
        Assert.That(outcome.Succeeded, Is.True, () => outcome.Error!.Detail);
    }

    [Test]
    public async Task An_unknown_province_code_is_named()
    {
        await ThenRefused(await When(Register("99")), CommandErrorKind.Invalid, "'99' is not a province code", "provinceCode");
    }

    [Test]
    public async Task A_startup_is_not_founded_after_it_is_registered()
    {
        await ThenRefused(await When(Register() with { FoundedOn = On.AddDays(1) }), CommandErrorKind.Invalid, "founded before", "foundedOn");
    }

    [Test]
    public async Task A_profile_update_replaces_the_fields_given()
    {
        await Given(Stream, Registered());
        var update = new UpdateStartupProfile("hoa-sen", "Hoa Sen JSC", null, StartupStage.Company, null, null, null, On.AddMonths(2), "report");
        await ThenWrote(await When(update), Stream,
            new StartupProfileUpdated("hoa-sen", "Hoa Sen JSC", null, StartupStage.Company, null, null, null, On.AddMonths(2), "report"));
    }

    [Test]
    public async Task A_profile_update_gives_some_field()
    {
        await Given(Stream, Registered());
        await ThenRefused(await When(new UpdateStartupProfile("hoa-sen", null, null, null, null, null, null, On, "report")),
            CommandErrorKind.Invalid, "gives no field", "");
    }

    [Test]
    public async Task An_unregistered_startup_is_not_updated()
    {
        await ThenRefused(await When(new UpdateStartupProfile("hoa-sen", "X", null, null, null, null, null, On, "r")), CommandErrorKind.RuleBroken, "is not registered");
    }

    [Test]
    public async Task A_startup_relocates_from_where_it_is()
    {
        await Given(Stream, Registered());
        await ThenWrote(await When(new RelocateStartup("hoa-sen", "20", "24", On.AddDays(10), "r")), Stream,
            new StartupRelocated("hoa-sen", "20", "24", On.AddDays(10), "r"));
        await ThenRefused(await When(new RelocateStartup("hoa-sen", "20", "27", On.AddDays(20), "r")), CommandErrorKind.RuleBroken, "is in province 24, not 20");
    }

    [Test]
    public async Task A_relocation_goes_somewhere_else()
    {
        await Given(Stream, Registered());
        await ThenRefused(await When(new RelocateStartup("hoa-sen", "20", "20", On, "r")), CommandErrorKind.Invalid, "is the province it moves from", "toProvinceCode");
    }

    [Test]
    public async Task A_startup_is_incorporated_once_with_a_ten_digit_enterprise_code()
    {
        await Given(Stream, Registered());
        await ThenWrote(await When(new IncorporateStartup("hoa-sen", "Công ty Hoa Sen", "4900123456", On.AddDays(5), "r")), Stream,
            new StartupIncorporated("hoa-sen", "Công ty Hoa Sen", "4900123456", On.AddDays(5), "r"));
        await ThenRefused(await When(new IncorporateStartup("hoa-sen", "Công ty Hoa Sen", "4900123456", On.AddDays(6), "r")),
            CommandErrorKind.RuleBroken, "already incorporated");
        await ThenRefused(await When(new IncorporateStartup("hoa-sen", "X", "12AB", On, "r")), CommandErrorKind.Invalid, "10-digit", "enterpriseCode");
    }

    [Test]
    public async Task A_closed_startup_takes_no_more_facts()
    {
        await Given(Stream, [Registered(), new StartupClosed("hoa-sen", "dissolved", On.AddDays(30), "r")]);
        await ThenRefused(await When(new CloseStartup("hoa-sen", "again", On.AddDays(40), "r")), CommandErrorKind.RuleBroken, "was closed on");
        await ThenRefused(await When(new GrantSupport("hoa-sen", "s1", "844", "training", null, null, On.AddDays(40), "r")),
            CommandErrorKind.RuleBroken, "was closed on");
    }

    [Test]
    public async Task A_startup_does_not_close_before_it_was_registered()
    {
        await Given(Stream, Registered());
        await ThenRefused(await When(new CloseStartup("hoa-sen", "x", On.AddDays(-1), "r")), CommandErrorKind.RuleBroken, "before it was registered");
    }

    [Test]
    public async Task Each_support_is_granted_once()
    {
        await Given(Stream, Registered());
        var grant = new GrantSupport("hoa-sen", "s1", "Đề án 844", "incubation", 50_000_000, "Sở KH&CN", On.AddDays(3), "r");
        await ThenWrote(await When(grant), Stream, new SupportGranted("hoa-sen", "s1", "Đề án 844", "incubation", 50_000_000, "Sở KH&CN", On.AddDays(3), "r"));
        await ThenRefused(await When(grant), CommandErrorKind.RuleBroken, "already recorded");
    }

    [Test]
    public async Task Support_amounts_are_not_negative()
    {
        await Given(Stream, Registered());
        await ThenRefused(await When(new GrantSupport("hoa-sen", "s1", "844", "funding", -1, null, On, "r")), CommandErrorKind.Invalid, "must not be negative", "amountVnd");
    }

    [Test]
    public async Task Funding_is_positive_and_from_a_known_investor_when_one_is_named()
    {
        await Given(Stream, Registered());
        await ThenRefused(await When(new RecordFunding("hoa-sen", "f1", null, "Angel", 0, "seed", On, "r")), CommandErrorKind.Invalid, "more than 0", "amountVnd");
        await ThenRefused(await When(new RecordFunding("hoa-sen", "f1", "vinacapital", "VinaCapital", 1e9m, "seed", On, "r")),
            CommandErrorKind.RuleBroken, "investor 'vinacapital' is not registered");
        await Given("investor-vinacapital", new InvestorRegistered("vinacapital", "VinaCapital", InvestorKind.VentureFund, null, null, null, null, On, "r"));
        await ThenWrote(await When(new RecordFunding("hoa-sen", "f1", "vinacapital", "VinaCapital", 1e9m, "seed", On, "r")), Stream,
            new FundingRecorded("hoa-sen", "f1", "vinacapital", "VinaCapital", 1e9m, "seed", On, "r"));
    }

    [Test]
    public async Task An_editor_writes_its_own_provinces_startups_only()
    {
        await ThenRefused(await When(Register("20"), Editor("24")), CommandErrorKind.Forbidden, "not of 20");
        Assert.That((await When(Register("20"), Editor("20"))).Succeeded, Is.True);
        await ThenRefused(await When(new CloseStartup("hoa-sen", "x", On.AddDays(1), "r"), Editor("24")), CommandErrorKind.Forbidden, "not of 20");
    }

    [Test]
    public async Task An_editor_of_todays_Lao_Cai_writes_facts_of_Yen_Bai_before_the_reform()
    {
        Assert.That((await When(Register("15", new DateOnly(2023, 1, 1)), Editor("15"))).Succeeded, Is.True);
        await Given("startup-old-lao-cai", Registered("10") with { StartupId = "old-lao-cai" });
        var relocate = new RelocateStartup("old-lao-cai", "10", "15", On.AddDays(1), "r");
        Assert.That((await When(relocate, Editor("15"))).Succeeded, Is.True);
    }

    [Test]
    public async Task Read_only_roles_record_nothing()
    {
        foreach (var role in new[] { Role.Analyst, Role.Auditor, Role.Partner })
            await ThenRefused(await When(Register(), new Principal("k", role, new HashSet<string>())), CommandErrorKind.Forbidden, "may not record facts");
    }
}
