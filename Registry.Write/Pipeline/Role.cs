namespace Registry.Write.Pipeline;

/// <summary>What an API key may do. Only <see cref="Admin"/> and <see cref="ProvinceEditor"/> write facts.</summary>
public enum Role
{
    Admin,
    /// <summary>Writes the facts of the provinces in its scope only.</summary>
    ProvinceEditor,
    /// <summary>Reads the registry.</summary>
    Analyst,
    /// <summary>Reads the registry and its audit trail.</summary>
    Auditor,
    /// <summary>Reads partner feeds only.</summary>
    Partner,
}
