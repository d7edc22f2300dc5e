namespace Registry.EventStore;

/// <summary>
/// Another stream that must stand at <paramref name="Expected"/> for an append to go ahead: a decision that consulted
/// it (a prize's recipient, a plan's successor) holds only while it has not changed. Checked in the append's own
/// transaction; when it fails, nothing is written and the append throws <see cref="WrongExpectedRevisionException"/>
/// naming that stream.
/// </summary>
public sealed record StreamCondition(string Stream, ExpectedRevision Expected);
