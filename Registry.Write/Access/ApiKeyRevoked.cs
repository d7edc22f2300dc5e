namespace Registry.Write.Access;

/// <summary>An API key stops working (within <see cref="ApiKeyRegistry.RecheckAfter"/> in a running server).</summary>
public sealed record ApiKeyRevoked(string KeyId, string Reason, DateTimeOffset RevokedAt);
