using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Write.Pipeline;

namespace Registry.Write.Access;

/// <summary>
/// Issues and revokes API keys as events of the log. A key is <c>{keyId}.{secret}</c>: the id names the stream, the
/// secret is 256 random bits, stored as its SHA-256 (a fast hash is enough for a secret that cannot be guessed).
/// </summary>
public static partial class ApiKeys
{
    public const string Category = "apikey";

    public static string StreamOf(string keyId) => $"{Category}-{keyId}";

    public static bool IsKeyId(string keyId) => KeyIdShape().IsMatch(keyId);

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Why these arguments cannot make a key, or null.</summary>
    public static string? Problem(Role role, IReadOnlyCollection<string> provinces)
    {
        if (role == Role.ProvinceEditor && provinces.Count == 0) return "a province-editor key needs at least one --province";
        if (role != Role.ProvinceEditor && provinces.Count > 0) return "only a province-editor key has provinces";
        return provinces.FirstOrDefault(p => !ProvinceCodeShape().IsMatch(p)) is { } bad ? $"'{bad}' is not a province code (two digits)" : null;
    }

    public static async Task<IssuedKey> IssueAsync(IEventStore store, Role role, IReadOnlyCollection<string> provinces, TimeProvider clock, CancellationToken ct)
    {
        if (Problem(role, provinces) is { } problem) throw new ArgumentException(problem, nameof(provinces));
        var keyId = "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var issued = new ApiKeyIssued(keyId, RoleNames.NameOf(role), provinces.Distinct().Order().ToList(), HashSecret(secret), clock.GetUtcNow());
        await store.AppendAsync(StreamOf(keyId), ExpectedRevision.NoStream, [Event(issued)], ct);
        return new IssuedKey(keyId, $"{keyId}.{secret}");
    }

    /// <summary>Revokes a key; false when there is no such key.</summary>
    public static async Task<bool> RevokeAsync(IEventStore store, string keyId, string reason, TimeProvider clock, CancellationToken ct)
    {
        if (!IsKeyId(keyId) || await store.GetStreamRevisionAsync(StreamOf(keyId), ct) is null) return false;
        await store.AppendAsync(StreamOf(keyId), ExpectedRevision.StreamExists, [Event(new ApiKeyRevoked(keyId, reason, clock.GetUtcNow()))], ct);
        return true;
    }

    private static EventData Event<T>(T e) where T : notnull =>
        new(Guid.NewGuid(), typeof(T).Name, JsonSerializer.SerializeToUtf8Bytes(e, RegistryJson.Options), "{}"u8.ToArray());

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^k[0-9a-f]{12}$")]
    private static partial Regex KeyIdShape();

    [GeneratedRegex(@"^\d{2}$")]
    private static partial Regex ProvinceCodeShape();
}
