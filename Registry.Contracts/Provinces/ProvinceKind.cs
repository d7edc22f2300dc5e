namespace Registry.Contracts.Provinces;

public enum ProvinceKind
{
    /// <summary>Tỉnh.</summary>
    Province,
    /// <summary>Thành phố trực thuộc Trung ương.</summary>
    Municipality,
}
