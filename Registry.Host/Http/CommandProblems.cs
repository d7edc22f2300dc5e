using Registry.Write.Pipeline;

namespace Registry.Host.Http;

/// <summary>Refused commands as RFC 7807 problem details, with the status each kind of refusal has.</summary>
public static class CommandProblems
{
    public static int StatusOf(CommandErrorKind kind) => kind switch
    {
        CommandErrorKind.Invalid => StatusCodes.Status400BadRequest,
        CommandErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        CommandErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        CommandErrorKind.UnknownCommand => StatusCodes.Status404NotFound,
        CommandErrorKind.RuleBroken or CommandErrorKind.Conflict => StatusCodes.Status409Conflict,
        CommandErrorKind.IdempotencyKeyReused => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static IResult From(CommandError error)
    {
        var status = StatusOf(error.Kind);
        var extensions = new Dictionary<string, object?> { ["kind"] = error.Kind.ToString() };
        var problem = error.Errors.Count > 0
            ? Results.ValidationProblem(error.Errors, error.Detail, title: error.Title, statusCode: status, extensions: extensions)
            : Results.Problem(error.Detail, title: error.Title, statusCode: status, extensions: extensions);
        // A conflict is the stream changing under the command, not a rule: the same command may well pass when sent again.
        return error.Kind == CommandErrorKind.Conflict ? problem.WithHeader("Retry-After", "1") : problem;
    }

    public static IResult Status(int status, string title, string detail) => Results.Problem(detail, title: title, statusCode: status);
}
