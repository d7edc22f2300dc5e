namespace Registry.Contracts.Plans;

/// <summary>
/// Met: the actual reached the target's minimum. OnTrack: not yet, but the period is still running and the actual is
/// at least the minimum pro rata of the time elapsed. Behind: otherwise (including a period that ended short).
/// </summary>
public enum TargetStatus { Met, OnTrack, Behind }
