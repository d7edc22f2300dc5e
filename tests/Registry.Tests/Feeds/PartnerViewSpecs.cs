using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.Contracts.Organizations;
using Registry.Contracts.Startups;
using Registry.EventStore;
using Registry.Host.Feeds;

namespace Registry.Tests.Feeds;

/// <summary>The partner view removes personal data in one pass over the bytes: what it removes, however it is written, and nothing else.</summary>
public sealed class PartnerViewSpecs
{
    private static readonly DateOnly Day = new(2024, 3, 1);

    private static RecordedEvent Event(string type, string json) =>
        new(1, "s-1", 0, Guid.NewGuid(), type, Encoding.UTF8.GetBytes(json), "{}"u8.ToArray(), DateTimeOffset.UtcNow, []);

    private static RecordedEvent Event(object fact) => Event(fact.GetType().Name, JsonSerializer.Serialize(fact, fact.GetType(), RegistryJson.Options));

    private static JsonNode View(RecordedEvent e) => JsonNode.Parse(PartnerView.Data(e))!;

    private static JsonNode Without(object fact, Action<JsonObject> remove)
    {
        var expected = JsonSerializer.SerializeToNode(fact, fact.GetType(), RegistryJson.Options)!.AsObject();
        remove(expected);
        return expected;
    }

    [Test]
    public void Each_kind_that_carries_personal_data_loses_exactly_those_properties()
    {
        var startup = new StartupRegistered("lua", "Lúa Vàng", "20", ["agritech"], StartupStage.Company, null,
            [new Founder("Đỗ Thị Riêng Tư", "CEO", "0911222333", "riengtu@example.vn", "020304050607"), new Founder("Lê B", "CTO")],
            "Mô tả \"dài\"\nhai dòng", "https://lua.vn", Day, "demo");
        var update = new StartupProfileUpdated("lua", "Lúa Vàng 2", null, null, [new Founder("Đỗ Thị Riêng Tư", "CEO", Email: "r@example.vn")], null, null, Day, "demo");
        var mentor = new MentorRegistered("cv", "Vũ Cố Vấn", ["fintech"], "01", null, "cvr@example.vn", "0933444555", Day, "demo");
        var investor = new InvestorRegistered("a1", "Quỹ Mẫu", InvestorKind.Angel, "01", "Lê Văn Mẫu", "mau@example.vn", "0901000000", Day, "demo");

        void Founders(JsonObject o)
        {
            foreach (var founder in o["founders"]!.AsArray().Select(f => f!.AsObject()))
                foreach (var name in new[] { "name", "phone", "email", "idNumber" }) founder.Remove(name);
        }
        var cases = new (object Fact, JsonNode Expected)[]
        {
            (startup, Without(startup, Founders)),
            (update, Without(update, Founders)),
            (mentor, Without(mentor, o => { o.Remove("name"); o.Remove("email"); o.Remove("phone"); })),
            (investor, Without(investor, o => { o.Remove("personName"); o.Remove("email"); o.Remove("phone"); })),
        };
        foreach (var (fact, expected) in cases)
        {
            var view = View(Event(fact));
            Assert.That(JsonNode.DeepEquals(view, expected), Is.True, $"{fact.GetType().Name}: {view.ToJsonString()}");
        }
    }

    [Test]
    public void A_name_written_with_escapes_or_twice_is_removed_all_the_same()
    {
        var view = View(Event(nameof(MentorRegistered),
            """{"mentorId":"cv","n\u0061me":"Vũ Cố Vấn","email":"a@example.vn","email":"b@example.vn","expertise":["fintech"]}"""));
        Assert.That(view.ToJsonString(), Is.EqualTo("""{"mentorId":"cv","expertise":["fintech"]}"""));
    }

    [Test]
    public void A_corrections_replacement_is_scrubbed_as_the_type_it_corrects_wherever_that_type_is_named()
    {
        var replacement = new StartupRegistered("lua", "Lúa Vàng", "20", ["agritech"], StartupStage.Company, null,
            [new Founder("Đỗ Thị Riêng Tư", "CEO", "0911222333")], null, null, Day, "demo");
        var correction = new FactCorrected(Guid.NewGuid(), nameof(StartupRegistered),
            JsonSerializer.SerializeToElement(replacement, RegistryJson.Options), "typo", Day, "demo");
        var typeLast = JsonSerializer.SerializeToNode(correction, RegistryJson.Options)!.AsObject();
        var type = typeLast["correctedEventType"]!.DeepClone();
        typeLast.Remove("correctedEventType");
        typeLast["correctedEventType"] = type;

        foreach (var json in new[] { JsonSerializer.Serialize(correction, RegistryJson.Options), typeLast.ToJsonString() })
        {
            var founder = View(Event(nameof(FactCorrected), json))["replacement"]!["founders"]![0]!.AsObject();
            Assert.That(founder.Select(p => p.Key), Is.EqualTo(new[] { "role" }), json);
        }
    }

    [Test]
    public void A_kind_without_personal_data_is_sent_as_stored()
    {
        var e = Event("TrainingRecorded", """{"trainingId":"t1", "title":"a"}""");
        Assert.That(PartnerView.Data(e), Is.SameAs(e.Data));
    }
}
