using Registry.Contracts.Provinces;

namespace Registry.Tests.Write;

/// <summary>
/// A small provincial map for the specifications: six units before 1 July 2025 and the reform of that day as the
/// seed records it (codes 15 and 24 change meaning; Lào Cai 10 and Yên Bái 15 become Lào Cai 15).
/// </summary>
public static class TestMap
{
    public static readonly DateOnly Reform = new(2025, 7, 1);
    private static readonly DateOnly Since = new(2008, 8, 1);
    private const string Source = "GSO";

    public static ProvinceRegistered[] Provinces { get; } =
    [
        new("10", "Lào Cai", ProvinceKind.Province, "Northern Midlands and Mountains", Since, Since, Source),
        new("15", "Yên Bái", ProvinceKind.Province, "Northern Midlands and Mountains", Since, Since, Source),
        new("20", "Lạng Sơn", ProvinceKind.Province, "Northern Midlands and Mountains", Since, Since, Source),
        new("24", "Bắc Giang", ProvinceKind.Province, "Northern Midlands and Mountains", Since, Since, Source),
        new("27", "Bắc Ninh", ProvinceKind.Province, "Red River Delta", Since, Since, Source),
        new("46", "Thừa Thiên Huế", ProvinceKind.Province, "North Central Coast", Since, Since, Source),
    ];

    public static ProvincesReorganized Reorganization { get; } = new("202/2025/QH15", Reform,
    [
        new("10", "Tỉnh Lào Cai", "15", "Lào Cai", ProvinceKind.Province),
        new("15", "Tỉnh Yên Bái", "15", "Lào Cai", ProvinceKind.Province),
        new("20", "Tỉnh Lạng Sơn", "20", "Lạng Sơn", ProvinceKind.Province),
        new("24", "Tỉnh Bắc Giang", "24", "Bắc Ninh", ProvinceKind.Province),
        new("27", "Tỉnh Bắc Ninh", "24", "Bắc Ninh", ProvinceKind.Province),
        new("46", "Thành phố Huế", "46", "Thành phố Huế", ProvinceKind.Municipality),
    ], new DateOnly(2025, 6, 12), "Nghị quyết 202/2025/QH15");
}
