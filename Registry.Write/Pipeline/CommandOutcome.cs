using System.Diagnostics.CodeAnalysis;

namespace Registry.Write.Pipeline;

/// <summary>Either the result of a recorded command or the typed error of a refused one.</summary>
public sealed record CommandOutcome(CommandResult? Result, CommandError? Error)
{
    [MemberNotNullWhen(true, nameof(Result))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Result is not null;

    public static CommandOutcome Success(CommandResult result) => new(result, null);
    public static CommandOutcome Failure(CommandError error) => new(null, error);
}
