namespace Registry.Read.Provinces;

/// <summary>Which provincial map a province-level query answers on: the 34 units since 1 July 2025, or the 63 before.</summary>
public enum MapKind { Map2025, Pre2025 }
