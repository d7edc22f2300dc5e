namespace Registry.Write.Access;

/// <summary>
/// An API key was issued (stream <c>apikey-{keyId}</c>). Only the SHA-256 of the secret is kept: the secret is shown
/// once. Not an ecosystem fact, so not in the event catalogue; partner feeds leave the <c>apikey-</c> category out.
/// </summary>
public sealed record ApiKeyIssued(string KeyId, string Role, IReadOnlyList<string> Provinces, string SecretHash, DateTimeOffset CreatedAt);
