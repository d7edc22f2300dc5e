using Grpc.Core;
using Registry.Write.Pipeline;

namespace Registry.Host.Grpc.Access;

/// <summary>Identifies the caller of a gRPC call as the write side's <see cref="Principal"/>, or refuses it (Unauthenticated) with nothing read or written.</summary>
public interface IGrpcAccess
{
    ValueTask<Principal> IdentifyAsync(ServerCallContext context);
}
