using Registry.Contracts.Trainings;
using Registry.Projections.Common;
using Registry.Projections.Runtime;

namespace Registry.Projections.Trainings;

/// <summary><c>trainings</c>: one row per course; participants are attendances ("lượt người"), with the source's qualifier.</summary>
public sealed class TrainingsProjection : ReadModelProjection
{
    public override string Name => "trainings";

    // 2: the province index covers what the dashboard's figures read.
    public override int Version => 2;
    public override IReadOnlyList<string> Tables { get; } = ["trainings"];
    protected override IReadOnlySet<string> EventTypes { get; } = new HashSet<string> { nameof(TrainingRecorded) };

    private static readonly GenerationSql InsertTraining = new(t =>
        $"""
        INSERT INTO {t("trainings")} (training_id, title, title_norm, organizer, province_code, province_on, starts_on, ends_on, year, audience,
            participants, participants_qualifier, {Temporal.InsertColumns})
        VALUES (@TrainingId, @Title, @TitleNorm, @Organizer, @ProvinceCode, @OccurredOn, @StartsOn, @EndsOn, @Year, @Audience,
            @Participants, @ParticipantsQualifier, {Temporal.InsertValues})
        """);

    public override IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
    [
        $"""
        CREATE TABLE {table("trainings")} (
            training_id TEXT NOT NULL, title TEXT NOT NULL, title_norm TEXT NOT NULL, organizer TEXT NOT NULL, province_code TEXT NOT NULL,
            province_on TEXT NOT NULL, starts_on TEXT NOT NULL, ends_on TEXT NOT NULL, year BIGINT NOT NULL, audience TEXT NOT NULL,
            participants DOUBLE PRECISION NOT NULL, participants_qualifier TEXT NOT NULL, {Temporal.Columns})
        """,
        Temporal.StreamIndex(table("trainings")),
    ];

    public override IReadOnlyList<string> QueryIndexes(SqlDialect dialect, Func<string, string> table) =>
    [
        CoveringIndex.Create(dialect, $"ix_{table("trainings")}_province ON {table("trainings")}", "province_code, year", "province_on, valid_from, valid_to, participants"),
    ];

    protected override Task ApplyAsync(Fact fact, ProjectionBatch b) => fact.Data switch
    {
        TrainingRecorded e => b.Statements.ExecuteAsync(
            InsertTraining,
            Row(new
            {
                e.TrainingId, e.Title, TitleNorm = TextNormalizer.Normalize(e.Title), e.Organizer, e.ProvinceCode, StartsOn = IsoDate.Format(e.StartsOn),
                EndsOn = IsoDate.Format(e.EndsOn), Year = e.StartsOn.Year, e.Audience, Participants = (double)e.Participants.Value,
                ParticipantsQualifier = e.Participants.Qualifier.ToString(),
            }, fact)),
        _ => Task.CompletedTask,
    };
}
