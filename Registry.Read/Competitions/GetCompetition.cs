using Dapper;
using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Projections.Common;
using Registry.Read.Provinces;
using Registry.Read.Time;

namespace Registry.Read.Competitions;

/// <summary><c>GET /api/competitions/{id}?asOf=</c>: a competition with its applications and prizes.</summary>
public static class GetCompetition
{
    public static async Task<CompetitionDetail?> RunAsync(ReadDatabase db, string id, string? asOf, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var at = await AsOfResolver.ResolveAsync(connection, asOf, ct);
        var c = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"""
            SELECT competition_id, name, province_code, province_on, year, organizer, status, received, received_qualifier, valid, valid_qualifier FROM competitions
            WHERE {Temporal.VisibleAt()} AND competition_id = @id
            """, new { asOf = at.Position, id }, cancellationToken: ct));
        if (c is null) return null;
        var prizes = await connection.QueryAsync<PrizeRow>(new CommandDefinition(
            $"""
            SELECT prize_id, recipient_kind, recipient_id, recipient_name, rank, amount_vnd, source, event_id FROM prizes
            WHERE {Temporal.VisibleAt()} AND competition_id = @id ORDER BY prize_id
            """, new { asOf = at.Position, id }, cancellationToken: ct));
        var provinces = await ProvinceMap.LoadAsync(connection, at.Position, ct);
        var onOldMap = provinces.EffectiveOn is not null && string.CompareOrdinal(c.ProvinceOn, provinces.EffectiveOn) < 0;
        return new CompetitionDetail(c.CompetitionId, c.Name, c.ProvinceCode, provinces.NameOf(onOldMap ? MapKind.Pre2025 : MapKind.Map2025, c.ProvinceCode),
            (int)c.Year, c.Organizer, c.Status, (decimal?)c.Received, (decimal?)c.Valid, at.Position,
            prizes.Select(p => new PrizeSummary(p.PrizeId, p.RecipientKind, p.RecipientId, p.RecipientName, p.Rank, (decimal?)p.AmountVnd, p.Source,
                Guid.Parse(p.EventId))).ToList(),
            // "received: 46" alone would read as stated when the source only says "at least" (no count of received files).
            Qualifier(c.ReceivedQualifier), Qualifier(c.ValidQualifier));
    }

    private static FigureQualifier? Qualifier(string? stored) => stored is null ? null : Enum.Parse<FigureQualifier>(stored);

    private sealed record Row
    {
        public string CompetitionId { get; init; } = "";
        public string Name { get; init; } = "";
        public string ProvinceCode { get; init; } = "";
        public string ProvinceOn { get; init; } = "";
        public long Year { get; init; }
        public string Organizer { get; init; } = "";
        public string Status { get; init; } = "";
        public double? Received { get; init; }
        public double? Valid { get; init; }
        public string? ValidQualifier { get; init; }
        public string? ReceivedQualifier { get; init; }
    }

    private sealed record PrizeRow
    {
        public string PrizeId { get; init; } = "";
        public string RecipientKind { get; init; } = "";
        public string RecipientId { get; init; } = "";
        public string RecipientName { get; init; } = "";
        public string Rank { get; init; } = "";
        public double? AmountVnd { get; init; }
        public string Source { get; init; } = "";
        public string EventId { get; init; } = "";
    }
}
