namespace Registry.Contracts.Common;

/// <summary>A number as a source states it: "hơn 700" is 700 at least, "gần 300" is 300 at most.</summary>
public sealed record Figure(decimal Value, FigureQualifier Qualifier = FigureQualifier.Exact)
{
    public static Figure Exact(decimal value) => new(value);
}
