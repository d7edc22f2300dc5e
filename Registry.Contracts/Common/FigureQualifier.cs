namespace Registry.Contracts.Common;

public enum FigureQualifier
{
    Exact,
    /// <summary>"hơn", "trên": more than.</summary>
    AtLeast,
    /// <summary>"khoảng": about.</summary>
    About,
    /// <summary>"gần", "dưới": nearly, under.</summary>
    AtMost,
}
