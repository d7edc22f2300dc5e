using Registry.Contracts.Plans;

namespace Registry.Read.Plans;

/// <summary>
/// How a target's status is judged on a reference date (today, or the date of <c>asOf</c>):
/// met when the actual reached the minimum; otherwise behind once the target's period has ended; while it runs, on
/// track when the actual is at least the minimum pro rata of the days elapsed (expected), else behind. A period that
/// has not started expects nothing, so it is on track.
/// </summary>
public static class ProgressRules
{
    public static (decimal Expected, TargetStatus Status) Judge(decimal min, decimal actual, DateOnly start, DateOnly end, DateOnly reference)
    {
        var days = Math.Max(1, end.DayNumber - start.DayNumber + 1);
        var elapsed = Math.Clamp(reference.DayNumber - start.DayNumber + 1, 0, days);
        var expected = Math.Round(min * elapsed / days, 2);
        if (actual >= min) return (expected, TargetStatus.Met);
        if (reference > end) return (expected, TargetStatus.Behind);
        return (expected, actual >= expected ? TargetStatus.OnTrack : TargetStatus.Behind);
    }
}
