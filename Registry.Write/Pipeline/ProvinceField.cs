namespace Registry.Write.Pipeline;

/// <summary>A province code a command names, with the JSON path it was given at and, when it is not the command's
/// own <c>occurredOn</c>, the date it must be valid on (a correction's replacement keeps the corrected fact's date).</summary>
public sealed record ProvinceField(string Path, string Code, DateOnly? On = null);
