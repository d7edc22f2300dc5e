namespace Registry.Contracts.Common;

/// <summary>A count per key, such as startups per sector.</summary>
public sealed record CountBy(string Key, long Count);
