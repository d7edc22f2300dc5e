using Registry.Contracts.Organizations;
using Registry.Projections.Common;
using Registry.Projections.Runtime;

namespace Registry.Projections.Organizations;

/// <summary>
/// <c>mentors</c>: a mentor is a person, so the directory keeps the display name analysts search by, expertise,
/// province and organization, and never the contacts (e-mail, phone).
/// </summary>
public sealed class MentorsProjection : ReadModelProjection
{
    public override string Name => "mentors";
    public override IReadOnlyList<string> Tables { get; } = ["mentors"];
    protected override IReadOnlySet<string> EventTypes { get; } = new HashSet<string> { nameof(MentorRegistered) };

    private static readonly GenerationSql InsertMentor = new(t =>
        $"""
        INSERT INTO {t("mentors")} (mentor_id, name, name_norm, expertise, province_code, province_on, organization_id, {Temporal.InsertColumns})
        VALUES (@MentorId, @Name, @NameNorm, @Expertise, @ProvinceCode, @OccurredOn, @OrganizationId, {Temporal.InsertValues})
        """);

    public override IReadOnlyList<string> Schema(SqlDialect dialect, Func<string, string> table) =>
    [
        $"""
        CREATE TABLE {table("mentors")} (
            mentor_id TEXT NOT NULL, name TEXT NOT NULL, name_norm TEXT NOT NULL, expertise TEXT NOT NULL, province_code TEXT, province_on TEXT NOT NULL,
            organization_id TEXT, {Temporal.Columns})
        """,
        Temporal.StreamIndex(table("mentors")),
    ];

    protected override Task ApplyAsync(Fact fact, ProjectionBatch b) => fact.Data switch
    {
        MentorRegistered e => b.Statements.ExecuteAsync(
            InsertMentor,
            Row(new
            {
                e.MentorId, e.Name, NameNorm = TextNormalizer.Normalize(e.Name + " " + string.Join(' ', e.Expertise)),
                Expertise = string.Join('|', e.Expertise), e.ProvinceCode, e.OrganizationId,
            }, fact)),
        _ => Task.CompletedTask,
    };
}
