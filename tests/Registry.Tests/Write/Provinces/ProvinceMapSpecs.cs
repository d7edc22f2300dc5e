using Registry.Contracts.Common;
using Registry.Contracts.Provinces;
using Registry.Write.Pipeline;

namespace Registry.Tests.Write.Provinces;

public sealed class ProvinceMapSpecs : WriteSpecification
{
    private static readonly DateOnly On = new(2025, 1, 1);

    [Test]
    public async Task A_province_is_registered_once_per_code_at_a_time()
    {
        var c = new RegisterProvince("30", "Hải Dương", ProvinceKind.Province, "Red River Delta", new DateOnly(2008, 8, 1), new DateOnly(2008, 8, 1), "GSO");
        await ThenWrote(await When(c), StreamNames.ProvinceMap, new ProvinceRegistered("30", "Hải Dương", ProvinceKind.Province, "Red River Delta", c.ValidFrom, c.OccurredOn, "GSO"));
        await ThenRefused(await When(c with { Name = "Other" }), CommandErrorKind.RuleBroken, "code 30 already names Hải Dương");
    }

    [Test]
    public async Task A_code_is_two_digits()
    {
        await ThenRefused(await When(new RegisterProvince("3", "X", ProvinceKind.Province, "r", On, On, "s")), CommandErrorKind.Invalid, "two-digit", "code");
    }

    [Test]
    public async Task Only_administrators_change_the_map()
    {
        var c = new RegisterProvince("30", "Hải Dương", ProvinceKind.Province, "r", On, On, "s");
        await ThenRefused(await When(c, Editor("20")), CommandErrorKind.Forbidden, "administrators only");
    }

    [Test]
    public async Task A_province_is_renamed_from_its_name_on_the_date()
    {
        var rename = new RenameProvince("46", "Thừa Thiên Huế", "Thành phố Huế", ProvinceKind.Municipality, On, On, "Nghị quyết 1314/NQ-UBTVQH15");
        await ThenWrote(await When(rename), StreamNames.ProvinceMap,
            new ProvinceRenamed("46", "Thừa Thiên Huế", "Thành phố Huế", ProvinceKind.Municipality, On, On, "Nghị quyết 1314/NQ-UBTVQH15"));
        await ThenRefused(await When(rename with { OldName = "Huế cũ" }), CommandErrorKind.RuleBroken, "is named Thành phố Huế on 2025-01-01, not Huế cũ");
    }

    [Test]
    public async Task A_reorganization_lists_units_that_exist_the_day_before()
    {
        var c = new ReorganizeProvinces("99/2030/QH", new DateOnly(2030, 1, 1), [new ProvinceMerger("33", "Hưng Yên", "33", "Hưng Yên", ProvinceKind.Province)],
            new DateOnly(2025, 8, 1), "s");
        await ThenRefused(await When(c), CommandErrorKind.RuleBroken, "code(s) 33 name no province on 2029-12-31");
        Assert.That((await When(c with { Mergers = [new ProvinceMerger("20", "Lạng Sơn", "20", "Lạng Sơn", ProvinceKind.Province)] })).Succeeded, Is.True);
    }

    [Test]
    public async Task A_reorganization_is_recorded_once()
    {
        var again = new ReorganizeProvinces(TestMap.Reorganization.Resolution, TestMap.Reform, TestMap.Reorganization.Mergers, On, "s");
        await ThenRefused(await When(again), CommandErrorKind.RuleBroken, "202/2025/QH15 is already recorded");
    }

    [Test]
    public async Task A_reorganization_gives_each_new_code_one_name()
    {
        var c = new ReorganizeProvinces("x", new DateOnly(2026, 1, 1),
            [new ProvinceMerger("20", "Lạng Sơn", "20", "Lạng Sơn", ProvinceKind.Province), new ProvinceMerger("15", "Lào Cai", "20", "Lạng Sơn mới", ProvinceKind.Province)],
            new DateOnly(2025, 9, 1), "s");
        await ThenRefused(await When(c), CommandErrorKind.Invalid, "different names or kinds", "mergers");
    }
}
