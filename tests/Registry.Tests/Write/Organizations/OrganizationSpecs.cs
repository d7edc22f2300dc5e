using Registry.Contracts.Organizations;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Organizations;

public sealed class OrganizationSpecs : WriteSpecification
{
    private static readonly DateOnly On = new(2020, 1, 1);
    private const string Agency = "organization-cuc-ptttdn";
    private static readonly SupportOrganizationRegistered National =
        new("cuc-ptttdn", "Cục Phát triển thị trường và Doanh nghiệp KH&CN", OrganizationKind.Agency, null, null, On, "seed 000");

    [Test]
    public async Task An_organization_is_registered_once()
    {
        var c = new RegisterSupportOrganization("vuon-uom-ls", "Vườn ươm Lạng Sơn", OrganizationKind.Incubator, "20", "https://vuonuom.ls.vn", On, "s");
        await ThenWrote(await When(c), "organization-vuon-uom-ls",
            new SupportOrganizationRegistered("vuon-uom-ls", "Vườn ươm Lạng Sơn", OrganizationKind.Incubator, "20", "https://vuonuom.ls.vn", On, "s"));
        await ThenRefused(await When(c), CommandErrorKind.RuleBroken, "already registered");
    }

    [Test]
    public async Task An_agency_is_renamed_from_its_current_name()
    {
        await Given(Agency, National);
        var rename = new RenameOrganization("cuc-ptttdn", National.Name, "Cục Khởi nghiệp và Doanh nghiệp công nghệ", new DateOnly(2025, 3, 1), "s");
        await ThenWrote(await When(rename), Agency, new OrganizationRenamed("cuc-ptttdn", National.Name, rename.NewName, rename.OccurredOn, "s"));
        await ThenRefused(await When(rename with { NewName = "Again" }), CommandErrorKind.RuleBroken, $"is named '{rename.NewName}'");
    }

    [Test]
    public async Task A_closed_organization_is_not_renamed_or_closed_again()
    {
        await Given(Agency, [National, new OrganizationClosed("cuc-ptttdn", "merged", On.AddYears(1), "s")]);
        await ThenRefused(await When(new CloseOrganization("cuc-ptttdn", "again", On.AddYears(2), "s")), CommandErrorKind.RuleBroken, "was closed on");
    }

    [Test]
    public async Task A_national_organizations_facts_are_for_administrators()
    {
        await Given(Agency, National);
        await ThenRefused(await When(new CloseOrganization("cuc-ptttdn", "x", On.AddYears(1), "s"), Editor("20")), CommandErrorKind.Forbidden, "national facts");
    }

    [Test]
    public async Task An_angel_investor_is_a_named_person()
    {
        await ThenRefused(await When(new RegisterInvestor("an", "Angel A", InvestorKind.Angel, null, null, null, null, On, "s")),
            CommandErrorKind.Invalid, "required for an angel", "personName");
        var fund = new RegisterInvestor("vc", "VinaCapital", InvestorKind.VentureFund, null, null, null, null, On, "s");
        await ThenWrote(await When(fund), "investor-vc", new InvestorRegistered("vc", "VinaCapital", InvestorKind.VentureFund, null, null, null, null, On, "s"));
        await ThenRefused(await When(fund), CommandErrorKind.RuleBroken, "already registered");
    }

    [Test]
    public async Task A_mentor_belongs_to_an_organization_the_registry_knows()
    {
        var mentor = new RegisterMentor("m1", "Trần B", ["fintech"], "20", "cuc-ptttdn", null, null, On, "s");
        await ThenRefused(await When(mentor), CommandErrorKind.RuleBroken, "organization 'cuc-ptttdn' is not registered");
        await Given(Agency, National);
        await ThenWrote(await When(mentor), "mentor-m1", new MentorRegistered("m1", "Trần B", ["fintech"], "20", "cuc-ptttdn", null, null, On, "s"));
    }
}
