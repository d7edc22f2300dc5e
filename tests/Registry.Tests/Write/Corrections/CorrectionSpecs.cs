using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.Contracts.Plans;
using Registry.Contracts.Trainings;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Corrections;

public sealed class CorrectionSpecs : WriteSpecification
{
    private const string Stream = "training-ls-th-2022";
    private static readonly DateOnly On = new(2024, 2, 1);
    private static readonly TrainingRecorded Training = new("ls-th-2022", "Tập huấn khởi nghiệp", "Sở KH&CN", "20",
        new DateOnly(2022, 9, 5), new DateOnly(2022, 9, 7), "students", Figure.Exact(120), new DateOnly(2022, 9, 7), "seed 002");

    private static JsonElement Json(object fact) => JsonSerializer.SerializeToElement(fact, fact.GetType(), RegistryJson.Options);

    private async Task<Guid> GivenTraining()
    {
        await Given(Stream, Training);
        return await EventIdAt(Stream, 0);
    }

    [Test]
    public async Task A_correction_is_a_new_event_in_the_facts_stream_with_the_type_filled_in()
    {
        var id = await GivenTraining();
        var replacement = Json(Training with { Participants = Figure.Exact(150) });
        await ThenWrote(await When(new CorrectFact(id, null, replacement, "typo in the report", On, "Báo Lạng Sơn 2024")), Stream,
            new FactCorrected(id, nameof(TrainingRecorded), replacement, "typo in the report", On, "Báo Lạng Sơn 2024"));
    }

    [Test]
    public async Task A_correction_keeps_the_facts_identity()
    {
        var id = await GivenTraining();
        await ThenRefused(await When(new CorrectFact(id, null, Json(Training with { TrainingId = "other" }), "r", On, "s")),
            CommandErrorKind.RuleBroken, "trainingId stays 'ls-th-2022'");
    }

    [Test]
    public async Task A_replacement_has_the_corrected_facts_fields()
    {
        var id = await GivenTraining();
        var outcome = await When(new CorrectFact(id, nameof(TrainingRecorded), JsonSerializer.SerializeToElement(new { trainingId = "ls-th-2022" }), "r", On, "s"));
        await ThenRefused(outcome, CommandErrorKind.Invalid, "is required", "replacement.title");
    }

    [Test]
    public async Task A_correction_names_the_type_the_fact_has()
    {
        var id = await GivenTraining();
        var replacement = Json(Training with { Participants = Figure.Exact(150) });
        await ThenRefused(await When(new CorrectFact(id, "StartupRegistered", replacement, "r", On, "s")), CommandErrorKind.Invalid, "is required", "replacement.startupId");
    }

    [Test]
    public async Task A_plan_numbers_claim_is_not_corrected_or_retracted_on_its_own()
    {
        var adopt = new AdoptProvincialPlan("ls-201-2021", "201/KH-UBND", "UBND tỉnh Lạng Sơn", new DateOnly(2021, 3, 15), "20", 2021, 2025,
            "Hỗ trợ khởi nghiệp", [], new DateOnly(2021, 3, 15), "seed 002");
        Assert.That((await When(adopt)).Succeeded, Is.True);
        var claim = await EventIdAt("plan-ls-201-2021", 0);
        await ThenRefused(await When(new RetractFact(claim, null, "free the number", On, "s")), CommandErrorKind.RuleBroken,
            "recorded with the plan's adoption: correct or retract the adoption");
    }

    [Test]
    public async Task An_unknown_event_id_is_refused()
    {
        await ThenRefused(await When(new RetractFact(Guid.NewGuid(), null, "wrong", On, "s")), CommandErrorKind.RuleBroken, "no fact of the registry has event id");
    }

    [Test]
    public async Task A_retracted_fact_no_longer_counts_and_is_neither_retracted_nor_corrected_again()
    {
        var id = await GivenTraining();
        await ThenWrote(await When(new RetractFact(id, null, "never held", On, "s")), Stream, new FactRetracted(id, nameof(TrainingRecorded), "never held", On, "s"));
        await ThenRefused(await When(new RetractFact(id, null, "again", On, "s")), CommandErrorKind.RuleBroken, "was retracted");
        await ThenRefused(await When(new CorrectFact(id, null, Json(Training), "r", On, "s")), CommandErrorKind.RuleBroken, "was retracted");
    }

    [Test]
    public async Task A_correction_is_not_itself_corrected()
    {
        var id = await GivenTraining();
        await When(new RetractFact(id, null, "never held", On, "s"));
        var retraction = await EventIdAt(Stream, 1);
        await ThenRefused(await When(new RetractFact(retraction, null, "x", On, "s")), CommandErrorKind.RuleBroken, "correct or retract the original fact");
    }

    [Test]
    public async Task The_replacements_provinces_are_checked_on_the_facts_own_date_and_scope()
    {
        var id = await GivenTraining();
        var moved = Json(Training with { ProvinceCode = "10" });
        Assert.That((await When(new CorrectFact(id, null, moved, "wrong province", On, "s"))).Succeeded, Is.True, "10 was Lào Cai in 2022");
        await ThenRefused(await When(new CorrectFact(id, null, Json(Training with { ProvinceCode = "20", Audience = "x" }), "r", On, "s"), Editor("20")),
            CommandErrorKind.Forbidden, "not of 10");
    }

    [Test]
    public async Task Nothing_to_correct_is_refused()
    {
        var id = await GivenTraining();
        await ThenRefused(await When(new CorrectFact(id, null, Json(Training), "r", On, "s")), CommandErrorKind.RuleBroken, "nothing to correct");
    }

    [Test]
    public async Task A_replacement_gives_every_field_null_where_unknown()
    {
        await Given("startup-s", new Registry.Contracts.Startups.StartupRegistered("s", "S", "20", [], Registry.Contracts.Startups.StartupStage.Idea,
            null, [], null, null, new DateOnly(2023, 1, 1), "s"));
        var id = await EventIdAt("startup-s", 0);
        var partial = JsonSerializer.SerializeToElement(new { startupId = "s", name = "S2", provinceCode = "20", sectors = Array.Empty<string>(), stage = "idea",
            founders = Array.Empty<object>(), occurredOn = "2023-01-01", source = "s" });
        await ThenRefused(await When(new CorrectFact(id, null, partial, "r", On, "s")), CommandErrorKind.Invalid, "null where unknown", "replacement");
    }
}
