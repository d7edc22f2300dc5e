using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Registry.Contracts.Common;
using Registry.EventStore;
using Registry.Write.Pipeline;

namespace Registry.Write.Access;

/// <summary>
/// The keys, kept in memory from their <c>apikey-{keyId}</c> streams. A key is read on first use and again when its
/// entry is older than <see cref="RecheckAfter"/>, so a key issued or revoked by another process (the CLI) takes
/// effect in a running server within that time. Also for HTTP basic auth: user name = key id, password = secret.
/// </summary>
public sealed class ApiKeyRegistry(IEventStore store, TimeProvider clock)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _keys = new(StringComparer.Ordinal);

    private sealed record Entry(Principal? Principal, string? SecretHash, long LoadedAt);

    /// <summary>The principal of a presented key <c>{keyId}.{secret}</c>, or null when it is unknown, wrong or revoked.</summary>
    public Principal? Authenticate(string presentedKey)
    {
        var pending = AuthenticateAsync(presentedKey, CancellationToken.None);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    public ValueTask<Principal?> AuthenticateAsync(string presentedKey, CancellationToken ct)
    {
        var dot = presentedKey.IndexOf('.');
        return dot <= 0 ? ValueTask.FromResult<Principal?>(null) : AuthenticateAsync(presentedKey[..dot], presentedKey[(dot + 1)..], ct);
    }

    public async ValueTask<Principal?> AuthenticateAsync(string keyId, string secret, CancellationToken ct)
    {
        if (!ApiKeys.IsKeyId(keyId)) return null;
        if (!_keys.TryGetValue(keyId, out var entry) || clock.GetElapsedTime(entry.LoadedAt) >= RecheckAfter)
        {
            entry = await LoadAsync(keyId, ct);
            if (_keys.Count >= MaxEntries) _keys.Clear(); // unknown ids must not grow the cache without bound
            _keys[keyId] = entry;
        }
        if (entry.Principal is null) return null;
        var presented = Encoding.UTF8.GetBytes(ApiKeys.HashSecret(secret));
        return CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(entry.SecretHash!)) ? entry.Principal : null;
    }

    private async Task<Entry> LoadAsync(string keyId, CancellationToken ct)
    {
        ApiKeyIssued? issued = null;
        var revoked = false;
        await foreach (var e in store.ReadStreamAsync(ApiKeys.StreamOf(keyId), Direction.Forwards, 0, long.MaxValue, ct))
        {
            if (e.EventType == nameof(ApiKeyIssued)) issued = JsonSerializer.Deserialize<ApiKeyIssued>(e.Data, RegistryJson.Options);
            else if (e.EventType == nameof(ApiKeyRevoked)) revoked = true;
        }
        var principal = issued is not null && !revoked && RoleNames.TryParse(issued.Role, out var role)
            ? new Principal(keyId, role, issued.Provinces.ToHashSet())
            : null;
        return new Entry(principal, issued?.SecretHash, clock.GetTimestamp());
    }
}
