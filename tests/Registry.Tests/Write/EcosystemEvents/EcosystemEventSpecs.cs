using Registry.Contracts.Common;
using Registry.Contracts.EcosystemEvents;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.EcosystemEvents;

public sealed class EcosystemEventSpecs : WriteSpecification
{
    private static readonly RecordEcosystemEvent Techfest = new("techfest-ls-2023", EcosystemEventKind.TechfestProvincial, "Techfest Lạng Sơn 2023", "Kết nối",
        "20", ["20", "24"], "Northern Midlands and Mountains", "Sở KH&CN", new DateOnly(2023, 10, 20), new Figure(300, FigureQualifier.About), null,
        new DateOnly(2023, 10, 20), "seed 002");

    [Test]
    public async Task An_ecosystem_event_is_recorded_once()
    {
        var e = Techfest;
        await ThenWrote(await When(e), "ecosystemevent-techfest-ls-2023", new EcosystemEventRecorded(e.EcosystemEventId, e.Kind, e.Title, e.Theme,
            e.HostProvinceCode, e.ProvinceCodes, e.Region, e.Organizer, e.HeldOn, e.Attendees, e.Exhibits, e.OccurredOn, e.Source));
        await ThenRefused(await When(e), CommandErrorKind.RuleBroken, "already recorded");
    }

    [Test]
    public async Task The_host_province_is_among_the_provinces_involved_and_each_is_valid()
    {
        var outcome = await When(Techfest with { ProvinceCodes = ["24", "88"] });
        await ThenRefused(outcome, CommandErrorKind.Invalid, "does not include the host province 20", "provinceCodes");
        Assert.That(outcome.Error!.Errors["provinceCodes[1]"], Has.Some.Contains("'88' is not a province code"));
    }

    [Test]
    public async Task An_editor_records_events_involving_its_provinces_only()
    {
        await ThenRefused(await When(Techfest, Editor("20")), CommandErrorKind.Forbidden, "not of 24");
    }
}
