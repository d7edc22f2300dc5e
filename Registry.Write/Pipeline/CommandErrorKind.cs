namespace Registry.Write.Pipeline;

/// <summary>Why a command was not recorded; each kind has its HTTP status (in brackets).</summary>
public enum CommandErrorKind
{
    /// <summary>Fields are missing, of the wrong type or out of range; every bad field is named [400].</summary>
    Invalid,
    /// <summary>No key, or a key the registry does not know [401].</summary>
    Unauthenticated,
    /// <summary>The key's role or province scope does not allow this fact [403].</summary>
    Forbidden,
    /// <summary>No command has that name [404].</summary>
    UnknownCommand,
    /// <summary>A rule of the registry forbids the fact (a prize in a closed competition) [409].</summary>
    RuleBroken,
    /// <summary>The stream kept moving while the command was decided, beyond the retries [409].</summary>
    Conflict,
    /// <summary>The command id was used before for a different command [422].</summary>
    IdempotencyKeyReused,
}
