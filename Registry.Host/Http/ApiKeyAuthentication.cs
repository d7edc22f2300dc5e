using System.Text;
using Registry.Write.Access;
using Registry.Write.Pipeline;

namespace Registry.Host.Http;

/// <summary>
/// Finds the key a request presents: <c>Authorization: Bearer {keyId}.{secret}</c>, <c>X-Api-Key: {keyId}.{secret}</c>,
/// or <c>Authorization: Basic</c> with the key id as user name and the secret as password.
/// </summary>
public static class ApiKeyAuthentication
{
    /// <summary>The principal, or null with <paramref name="problem"/> saying why (no key, or a key not accepted).</summary>
    public static async Task<(Principal? Principal, string? Problem)> AuthenticateAsync(HttpRequest request, ApiKeyRegistry keys, CancellationToken ct)
    {
        var authorization = request.Headers.Authorization.ToString();
        Principal? principal;
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            principal = await keys.AuthenticateAsync(authorization["Bearer ".Length..].Trim(), ct);
        else if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) && DecodeBasic(authorization["Basic ".Length..].Trim()) is var (user, password))
            principal = await keys.AuthenticateAsync(user, password, ct);
        else if (request.Headers.TryGetValue("X-Api-Key", out var apiKey))
            principal = await keys.AuthenticateAsync(apiKey.ToString().Trim(), ct);
        else
            return (null, "send an API key: 'Authorization: Bearer {keyId}.{secret}' or 'X-Api-Key: {keyId}.{secret}' (create one with 'registry keys create')");
        return principal is null ? (null, "the API key is not valid (unknown, revoked, or a wrong secret)") : (principal, null);
    }

    private static (string, string)? DecodeBasic(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':');
            return colon <= 0 ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
