using System.Text;
using Grpc.Core;
using Registry.Write.Access;
using Registry.Write.Pipeline;

namespace Registry.Host.Grpc.Access;

/// <summary>
/// THE place where gRPC meets the registry's API keys. Plaintext is served on loopback only (the endpoint refuses any
/// other address), where the official clients send no credentials: the caller is a partner and may only read. Over
/// TLS the caller presents HTTP basic credentials, user name = API key id and password = its secret, checked by the
/// write side's <see cref="ApiKeyRegistry"/>; the key's principal (role, provinces) is then the caller everywhere,
/// so an append runs with exactly the rights the same key has over HTTP.
/// </summary>
public sealed class ApiKeyGrpcAccess(ApiKeyRegistry keys) : IGrpcAccess
{
    /// <summary>The caller on the plaintext loopback endpoint.</summary>
    public static Principal LoopbackPartner { get; } = new("loopback", Role.Partner, new HashSet<string>());

    public async ValueTask<Principal> IdentifyAsync(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (!http.Request.IsHttps) return LoopbackPartner;
        var (keyId, secret) = BasicCredentials(http.Request.Headers.Authorization.ToString())
            ?? throw GrpcErrors.NotAuthenticated("Present an API key as basic credentials (user name = key id, password = secret).");
        return await keys.AuthenticateAsync(keyId, secret, context.CancellationToken)
            ?? throw GrpcErrors.NotAuthenticated($"API key '{keyId}' is not valid.");
    }

    private static (string KeyId, string Secret)? BasicCredentials(string header)
    {
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[scheme.Length..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon > 0 ? (decoded[..colon], decoded[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
