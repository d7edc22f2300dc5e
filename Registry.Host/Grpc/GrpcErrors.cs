using Grpc.Core;
using Registry.Write.Pipeline;

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

    public static RpcException MaximumAppendSizeExceeded(int maximum) =>
        With(StatusCode.InvalidArgument, $"Maximum Append Size of {maximum} Exceeded: the event's data and metadata together are larger than {maximum} bytes.",
            "maximum-append-size-exceeded", ("maximum-append-size", maximum.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// A command the write side refused, as the gRPC status a client can act on: InvalidArgument for bad fields (each
    /// named), PermissionDenied for the key's role or provinces, FailedPrecondition for a rule of the registry,
    /// Aborted for a stream that kept changing (send again), AlreadyExists for an event id used before for another fact.
    /// </summary>
    public static RpcException FromCommand(CommandError error, string eventType) => error.Kind switch
    {
        CommandErrorKind.Invalid => BadRequest($"{eventType} has invalid fields: {error.Detail}"),
        CommandErrorKind.Unauthenticated => NotAuthenticated(error.Detail),
        CommandErrorKind.Forbidden => AccessDenied($"{eventType} is not allowed to this key: {error.Detail}"),
        CommandErrorKind.RuleBroken => new(new Status(StatusCode.FailedPrecondition, $"{eventType} refused: {error.Detail}")),
        CommandErrorKind.Conflict => new(new Status(StatusCode.Aborted, $"{eventType} not recorded: {error.Detail}")),
        CommandErrorKind.IdempotencyKeyReused => new(new Status(StatusCode.AlreadyExists,
            $"{error.Detail}. An event id is the fact's idempotency key: give a new fact a new id.")),
        _ => new(new Status(StatusCode.Internal, $"{eventType}: {error.Title}: {error.Detail}")),
    };

    private static RpcException With(StatusCode code, string message, string exception, params (string Key, string Value)[] more)
    {
        var trailers = new Metadata { { "exception", exception } };
        foreach (var (key, value) in more) trailers.Add(key, value);
        return new RpcException(new Status(code, message), trailers, message);
    }
}
