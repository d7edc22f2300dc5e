using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Write.Pipeline;

namespace Registry.Host.Seed;

/// <summary>
/// One fact of the seed: a command, by name, with exactly the fields of the event it produces. <paramref name="Key"/> is
/// stable, so the command id derived from it is too and re-seeding writes nothing twice. <paramref name="Corrects"/>
/// names the key of an earlier line whose event a CorrectFact line corrects: the event id is only known once that line
/// has been sent, so the seeder fills in <c>correctedEventId</c> then.
/// </summary>
public sealed record SeedLine(string File, int LineNumber, string Key, string Command, JsonElement Body, string? Corrects)
{
    /// <summary>The command id: a name-based UUID of the key, so that the same line always carries the same id.</summary>
    public Guid CommandId => DeterministicId.ForCommand($"seed/{Key}");

    public string Where => $"{File}:{LineNumber} ({Key})";

    /// <summary>The body with the id of the event this line corrects.</summary>
    public JsonElement BodyCorrecting(Guid correctedEventId)
    {
        var body = JsonNode.Parse(Body.GetRawText())!.AsObject();
        body["correctedEventId"] = correctedEventId;
        return JsonSerializer.SerializeToElement(body);
    }
}
