using System.Text;
using Grpc.Core;

namespace Registry.Host.Grpc.Access;

/// <summary>
/// THE place where gRPC meets the registry's API keys. Plaintext is served on loopback only (the endpoint refuses any
/// other address), where the official clients send no credentials: the caller is a partner and may only read. Over
/// TLS the caller presents HTTP basic credentials, user name = API key id and password = its secret.
/// <para>
/// The key check belongs to the write side (issue 3: Registry.Write.Access). Until it is merged, no key is accepted,
/// so TLS calls are refused as not authenticated; wiring it in changes <see cref="CheckKeyAsync"/> only.
/// </para>
/// </summary>
public sealed class ApiKeyGrpcAccess : IGrpcAccess
{
    public async ValueTask<GrpcCaller> IdentifyAsync(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (!http.Request.IsHttps) return GrpcCaller.LoopbackPartner;
        var (keyId, secret) = BasicCredentials(http.Request.Headers.Authorization.ToString())
            ?? throw GrpcErrors.NotAuthenticated("Present an API key as basic credentials (user name = key id, password = secret).");
        return await CheckKeyAsync(keyId, secret, context.CancellationToken)
            ?? throw GrpcErrors.NotAuthenticated($"API key '{keyId}' is not valid.");
    }

    private static ValueTask<GrpcCaller?> CheckKeyAsync(string keyId, string secret, CancellationToken ct) =>
        ValueTask.FromResult<GrpcCaller?>(null);

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
