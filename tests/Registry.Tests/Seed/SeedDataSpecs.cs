using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.Host.Seed;

namespace Registry.Tests.Seed;

/// <summary>The seed as data: every line reads strictly as its event, keys and ids are stable, codes are real.</summary>
public sealed class SeedDataSpecs
{
    [Test]
    public void Every_line_names_a_known_command_and_its_body_reads_strictly_as_that_commands_event()
    {
        var failures = new List<string>();
        foreach (var line in SeedFacts.Lines)
        {
            if (!SeedEventTypes.ByCommand.TryGetValue(line.Command, out var type)) { failures.Add($"{line.Where}: unknown command {line.Command}"); continue; }
            try
            {
                var body = SeedFacts.BodyAsSent(line);
                var read = JsonSerializer.Deserialize(body, type, RegistryJson.Options);
                // Written back, the event must be the body again: no member dropped, defaulted or reformatted.
                if (!JsonNode.DeepEquals(JsonSerializer.SerializeToNode(read, type, RegistryJson.Options), JsonNode.Parse(body.GetRawText())))
                    failures.Add($"{line.Where}: the body does not round-trip through {type.Name}");
            }
            catch (JsonException e) { failures.Add($"{line.Where}: {e.Message}"); }
        }
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void A_correction_carries_its_replacement_as_the_corrected_events_type_and_corrects_an_earlier_line()
    {
        var corrections = SeedFacts.Events.Where(e => e.Event is FactCorrected).ToList();
        Assert.That(corrections, Is.Not.Empty);
        foreach (var (line, fact) in corrections)
        {
            var correction = (FactCorrected)fact;
            Assert.That(EventCatalogue.TryGetType(correction.CorrectedEventType, out var type), line.Where);
            Assert.DoesNotThrow(() => JsonSerializer.Deserialize(correction.Replacement, type, RegistryJson.Options), line.Where);
            Assert.That(line.Corrects, Is.Not.Null, line.Where);
            var original = SeedFacts.IndexOf(line.Corrects!);
            Assert.That(original, Is.InRange(0, SeedFacts.IndexOf(line.Key) - 1), $"{line.Where} corrects a line that does not come before it");
            Assert.That(SeedEventTypes.ByCommand[SeedFacts.Lines[original].Command].Name, Is.EqualTo(correction.CorrectedEventType), line.Where);
        }
    }

    [Test]
    public void Keys_are_unique_and_give_stable_distinct_command_ids()
    {
        Assert.That(SeedFacts.Lines.Select(l => l.Key), Is.Unique);
        Assert.That(SeedFacts.Lines.Select(l => l.CommandId), Is.Unique);
        Assert.That(SeedData.Load().Select(l => l.CommandId), Is.EqualTo(SeedFacts.Lines.Select(l => l.CommandId)));
    }

    [Test]
    public void Every_province_code_is_one_of_the_reform_table()
    {
        var rows = SharedData.ReformRows();
        var oldCodes = rows.Select(r => r.OldCode).ToHashSet();
        var newCodes = rows.Select(r => r.NewCode).ToHashSet();
        var failures = new List<string>();
        foreach (var line in SeedFacts.Lines)
            foreach (var (member, code) in ProvinceCodes(line.Body))
                if (!(member == "newCode" ? newCodes : oldCodes).Contains(code)) failures.Add($"{line.Where}: {member} {code}");
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void A_malformed_line_is_rejected_with_its_place()
    {
        var error = Assert.Throws<FormatException>(() => SeedData.Parse("x.jsonl", "\n{\"key\":\"a\",\"command\":\"C\",\"body\":{},\"extra\":1}").ToList());
        Assert.That(error!.Message, Does.StartWith("x.jsonl:2"));
        Assert.Throws<FormatException>(() => SeedData.Parse("x.jsonl", "{\"key\":\"\",\"command\":\"C\",\"body\":{}}").ToList());
    }

    /// <summary>Every province code in a body, with the member that holds it; a reorganization's new codes are the new map's.</summary>
    private static IEnumerable<(string Member, string Code)> ProvinceCodes(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
            foreach (var item in element.EnumerateArray())
                foreach (var found in ProvinceCodes(item)) yield return found;
        if (element.ValueKind != JsonValueKind.Object) yield break;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is "code" or "provinceCode" or "hostProvinceCode" or "oldCode" or "newCode" && property.Value.ValueKind == JsonValueKind.String)
                yield return (property.Name, property.Value.GetString()!);
            else if (property.Name == "provinceCodes")
                foreach (var code in property.Value.EnumerateArray()) yield return (property.Name, code.GetString()!);
            else
                foreach (var found in ProvinceCodes(property.Value)) yield return found;
        }
    }
}
