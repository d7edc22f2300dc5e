namespace Registry.Write.Pipeline;

/// <summary>A typed refusal: nothing was written. <see cref="Errors"/> maps JSON paths (camelCase, <c>founders[0].name</c>) to what is wrong with them.</summary>
public sealed record CommandError(CommandErrorKind Kind, string Title, string Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    public static CommandError Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(CommandErrorKind.Invalid, "The command has invalid fields",
            string.Join("; ", errors.Select(e => $"{(e.Key.Length == 0 ? "body" : e.Key)}: {string.Join(", ", e.Value)}")), errors);

    public static CommandError Unauthenticated(string detail) => new(CommandErrorKind.Unauthenticated, "Not authenticated", detail, None);
    public static CommandError Forbidden(string detail) => new(CommandErrorKind.Forbidden, "Not allowed", detail, None);
    public static CommandError UnknownCommand(string name) =>
        new(CommandErrorKind.UnknownCommand, "Unknown command", $"There is no command named '{name}'.", None);
    public static CommandError RuleBroken(string detail) => new(CommandErrorKind.RuleBroken, "A rule of the registry forbids this", detail, None);
    public static CommandError Conflict(string detail) => new(CommandErrorKind.Conflict, "Concurrent change", detail, None);
    public static CommandError IdempotencyKeyReused(Guid commandId, string detail) => new(CommandErrorKind.IdempotencyKeyReused,
        "Command id reused for a different command", $"Command id {commandId} was used before for a different command: {detail}", None);
}
