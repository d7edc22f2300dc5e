using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Registry.Read.Time;

/// <summary>
/// Turns <c>asOf</c> into a log position: a whole number is a position; an ISO timestamp is the last position
/// recorded at or before it (a date alone means the end of that day, UTC). Positions are monotone in recorded time,
/// so a binary search over the primary key finds it without an index on <c>recorded_us</c>.
/// <para>
/// Never past what the read models hold: while the projections catch up (the first moments after a start, a large
/// import) the answer is as of the lowest position every active read model has applied, and says so, rather than
/// labelled with the log's head while some of its events are not in the rows yet.
/// </para>
/// </summary>
public static partial class AsOfResolver
{
    /// <param name="parameter">The parameter <paramref name="asOf"/> came in, named by the error when it is not a moment.</param>
    public static async Task<ReadPoint> ResolveAsync(DbConnection connection, string? asOf, CancellationToken ct, string parameter = "asOf")
    {
        var head = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT position FROM log_head WHERE id = 1", cancellationToken: ct));
        head = Math.Min(head, await ProjectedUpToAsync(connection, ct) ?? head);
        if (string.IsNullOrWhiteSpace(asOf)) return new ReadPoint(head, DateOnly.FromDateTime(DateTime.UtcNow));
        asOf = asOf.Trim();
        if (long.TryParse(asOf, NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            position = Math.Min(position, head);
            var us = position == 0 ? 0 : await RecordedUs(connection, position, ct);
            return new ReadPoint(position, DateOnly.FromDateTime(DateTimeOffset.UnixEpoch.AddTicks(us * 10).UtcDateTime));
        }
        // ISO 8601 only: a culture's own forms are ambiguous (12/11/2026 is 11 December to the invariant culture and
        // 12 November to a Vietnamese reader), and an auditor's moment must not depend on how it was guessed.
        if (!IsoMoment().IsMatch(asOf) ||
            !DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            throw new QueryParameterException(parameter, $"'{asOf}' is neither a log position (a whole number) nor an ISO 8601 date or timestamp (2023-12-31, 2023-12-31T17:00:00Z)");
        if (DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            at = new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        var target = (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        long lo = 0, hi = head;
        while (lo < hi)
        {
            var mid = lo + (hi - lo + 1) / 2;
            if (await RecordedUs(connection, mid, ct) <= target) lo = mid; else hi = mid - 1;
        }
        return new ReadPoint(lo, DateOnly.FromDateTime(at.UtcDateTime));
    }

    /// <summary>A date, or a date and time (seconds and fractions optional) with an optional zone; no zone is UTC.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$")]
    private static partial System.Text.RegularExpressions.Regex IsoMoment();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> WithRuntime = new();

    /// <summary>
    /// The position every active read model has applied; null without the projection runtime's tables, in a database
    /// whose read models were built offline from the whole log (a replay, a benchmark).
    /// </summary>
    private static async Task<long?> ProjectedUpToAsync(DbConnection connection, CancellationToken ct)
    {
        // Once there, the runtime's tables stay: only their absence is asked again (another process may create them).
        if (!WithRuntime.ContainsKey(connection.ConnectionString))
        {
            var runtime = connection is Microsoft.Data.Sqlite.SqliteConnection
                ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'projections'"
                : "SELECT count(*) FROM (SELECT to_regclass('projections') AS t) r WHERE r.t IS NOT NULL";
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(runtime, cancellationToken: ct)) == 0) return null;
            WithRuntime.TryAdd(connection.ConnectionString, true);
        }
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT min(c.position) FROM projection_checkpoints c JOIN projections p ON p.name = c.name AND p.active_generation = c.generation",
            cancellationToken: ct));
    }

    private static Task<long> RecordedUs(DbConnection connection, long position, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT recorded_us FROM events WHERE position = @position", new { position }, cancellationToken: ct));
}
