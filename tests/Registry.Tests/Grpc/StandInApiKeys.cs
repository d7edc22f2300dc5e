using System.Text;
using Grpc.Core;
using Registry.Host.Grpc;
using Registry.Host.Grpc.Access;

namespace Registry.Tests.Grpc;

/// <summary>API keys for the tests until the write side's key store is merged: basic credentials key id : secret.</summary>
public sealed class StandInApiKeys(params (string KeyId, string Secret, string Role)[] keys) : IGrpcAccess
{
    public ValueTask<GrpcCaller> IdentifyAsync(ServerCallContext context)
    {
        var header = context.GetHttpContext().Request.Headers.Authorization.ToString();
        foreach (var (keyId, secret, role) in keys)
            if (header == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keyId}:{secret}")))
                return ValueTask.FromResult(new GrpcCaller(keyId, role, []));
        throw GrpcErrors.NotAuthenticated("No valid API key.");
    }
}
