using Grpc.Core;

namespace Registry.Host.Grpc;

/// <summary>
/// Failures as the official clients recognise them: a gRPC status whose trailer <c>exception</c> names the error kind
/// (the values EventStoreDB uses), with a message a person can act on.
/// </summary>
public static class GrpcErrors
{
    public static RpcException BadRequest(string message) => new(new Status(StatusCode.InvalidArgument, message));

    public static RpcException MissingRequiredMetadata(string message) =>
        With(StatusCode.InvalidArgument, message, "missing-required-metadata-property",
            ("required-metadata-properties", "type,content-type"));

    public static RpcException AccessDenied(string message) => With(StatusCode.PermissionDenied, message, "access-denied");

    public static RpcException NotAuthenticated(string message) => With(StatusCode.Unauthenticated, message, "not-authenticated");

    public static RpcException DuplicateEventId(string message) => new(new Status(StatusCode.AlreadyExists, message));

    public static RpcException MaximumAppendSizeExceeded(string message) =>
        With(StatusCode.InvalidArgument, message, "maximum-append-size-exceeded");

    private static RpcException With(StatusCode code, string message, string exception, params (string Key, string Value)[] more)
    {
        var trailers = new Metadata { { "exception", exception } };
        foreach (var (key, value) in more) trailers.Add(key, value);
        return new RpcException(new Status(code, message), trailers, message);
    }
}
