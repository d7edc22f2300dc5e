using Grpc.Core;

namespace Registry.Host.Grpc.Access;

/// <summary>Identifies the caller of a gRPC call, or refuses it (Unauthenticated) with nothing read or written.</summary>
public interface IGrpcAccess
{
    ValueTask<GrpcCaller> IdentifyAsync(ServerCallContext context);
}
