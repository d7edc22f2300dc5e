namespace Registry.Write.Access;

/// <summary>A new key: <see cref="PresentedKey"/> (<c>{keyId}.{secret}</c>) is what its holder sends, and is shown only once.</summary>
public sealed record IssuedKey(string KeyId, string PresentedKey);
