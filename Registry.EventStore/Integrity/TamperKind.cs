namespace Registry.EventStore.Integrity;

public enum TamperKind
{
    /// <summary>An event's content no longer matches its hash.</summary>
    Changed,
    /// <summary>A position is absent: a row was deleted, or the tail was cut off.</summary>
    Missing,
    /// <summary>A row that the chain never contained: forged in the middle or beyond the recorded head.</summary>
    Inserted,
    /// <summary>Rows are intact but in another order.</summary>
    Reordered,
    /// <summary>The log no longer extends a signed checkpoint: history up to it was rewritten (and the chain recomputed).</summary>
    Rewritten,
}
