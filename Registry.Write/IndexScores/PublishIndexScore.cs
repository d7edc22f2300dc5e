using Registry.Contracts.Common;
using Registry.Contracts.IndexScores;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.IndexScores.PublishIndexScore;

namespace Registry.Write.IndexScores;

/// <summary>A province's Provincial Innovation Index (PII) score and rank for a year: one per province and year (a wrong one is corrected, not published again).</summary>
public sealed class PublishIndexScore : UseCase<Command>
{
    private static readonly PublishIndexScore Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    /// <summary>The PII is published yearly since 2023.</summary>
    public const int FirstYear = 2023;

    public override string StreamOf(Command command) => StreamNames.IndexScores(command.Year);

    public override void Validate(Command c, FieldErrors errors)
    {
        errors.Require(c.Year >= FirstYear, "year", $"is before {FirstYear}, the first year of the PII");
        errors.Require(c.Year <= c.OccurredOn.Year, "year", $"is after the year it was published in ({c.OccurredOn.Year})");
        errors.Require(c.Rank >= 1, "rank", "must be 1 or more");
        errors.Require(c.Score <= 100, "score", "must be from 0 to 100");
    }

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts year, Related related)
    {
        if (year.All<IndexScorePublished>().FirstOrDefault(s => s.ProvinceCode == c.ProvinceCode) is { } published)
            throw Rule.Broken($"the PII {c.Year} of province {c.ProvinceCode} is already published ({published.Score}, rank {published.Rank}): correct it with CorrectFact");
        yield return new IndexScorePublished(c.Year, c.ProvinceCode, c.Score, c.Rank, c.OccurredOn, c.Source);
    }
}
