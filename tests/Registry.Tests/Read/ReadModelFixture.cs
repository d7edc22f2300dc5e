using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Provinces;
using Registry.EventStore;
using Registry.Projections;
using Registry.Projections.Rebuild;
using Registry.Read;
using Registry.Tests.Infrastructure;

namespace Registry.Tests.Read;

/// <summary>
/// Base of the read-model specifications, once per adapter: given events appended to a fresh log, when the read
/// models are built (a fresh generation, in small batches so that facts and their corrections meet in different
/// transactions), then queries answer.
/// </summary>
[TestFixtureSource(typeof(StoreKind), nameof(StoreKind.All))]
public abstract class ReadModelFixture(string kind)
{
    private int _generation;
    protected SqlEventStore Store { get; private set; } = null!;
    protected ReadDatabase Db { get; private set; } = null!;

    [SetUp]
    public async Task Open()
    {
        var location = StoreKind.NewLocation(kind);
        Store = await location.OpenAsync();
        Db = ReadDatabase.For(location);
    }

    [TearDown]
    public async Task Close()
    {
        await Db.DisposeAsync();
        await Store.DisposeAsync();
    }

    /// <summary>Appends one fact to its stream; returns its event id and position.</summary>
    protected async Task<(Guid Id, long Position)> Given(string stream, IRegistryEvent fact)
    {
        var id = Guid.NewGuid();
        var metadata = new EventMetadata(fact.OccurredOn, "test", fact.Source, Guid.NewGuid(), Guid.NewGuid());
        var result = await Store.AppendAsync(stream, ExpectedRevision.Any,
        [
            new EventData(id, EventCatalogue.NameOf(fact.GetType()), JsonSerializer.SerializeToUtf8Bytes(fact, fact.GetType(), RegistryJson.Options),
                JsonSerializer.SerializeToUtf8Bytes(metadata, RegistryJson.Options)),
        ]);
        return (id, await Store.GetHeadPositionAsync());
    }

    /// <summary>Builds every read model from the log into a new generation and points the views at it.</summary>
    protected async Task Projected() =>
        await new OfflineRebuilder(Store, Db.CreateConnection, Db.Dialect) { PageSize = 3 }.RebuildAsync(ReadModels.All(), ++_generation);

    protected static readonly DateOnly Reform = new(2025, 7, 1);

    /// <summary>The units the specifications use, registered in 2008, and the 2025 reorganization of them.</summary>
    protected async Task GivenTheMap(bool withReform = true)
    {
        foreach (var (code, name, region) in new[]
                 {
                     ("10", "Tỉnh Lào Cai", "Trung du và miền núi phía Bắc"), ("15", "Tỉnh Yên Bái", "Trung du và miền núi phía Bắc"),
                     ("17", "Tỉnh Hoà Bình", "Trung du và miền núi phía Bắc"), ("20", "Tỉnh Lạng Sơn", "Trung du và miền núi phía Bắc"),
                     ("25", "Tỉnh Phú Thọ", "Trung du và miền núi phía Bắc"), ("26", "Tỉnh Vĩnh Phúc", "Đồng bằng sông Hồng"),
                     ("66", "Tỉnh Đắk Lắk", "Tây Nguyên"),
                 })
            await Given(StreamNames.ProvinceMap, new ProvinceRegistered(code, name, ProvinceKind.Province, region, new DateOnly(2008, 8, 1), new DateOnly(2008, 8, 1), "GSO"));
        if (!withReform) return;
        await Given(StreamNames.ProvinceMap, new ProvincesReorganized("202/2025/QH15", Reform,
        [
            new ProvinceMerger("10", "Tỉnh Lào Cai", "15", "Lào Cai", ProvinceKind.Province),
            new ProvinceMerger("15", "Tỉnh Yên Bái", "15", "Lào Cai", ProvinceKind.Province),
            new ProvinceMerger("17", "Tỉnh Hoà Bình", "25", "Phú Thọ", ProvinceKind.Province),
            new ProvinceMerger("20", "Tỉnh Lạng Sơn", "20", "Lạng Sơn", ProvinceKind.Province),
            new ProvinceMerger("25", "Tỉnh Phú Thọ", "25", "Phú Thọ", ProvinceKind.Province),
            new ProvinceMerger("26", "Tỉnh Vĩnh Phúc", "25", "Phú Thọ", ProvinceKind.Province),
            new ProvinceMerger("66", "Tỉnh Đắk Lắk", "66", "Đắk Lắk", ProvinceKind.Province),
        ], new DateOnly(2025, 6, 12), "Nghị quyết 202/2025/QH15"));
    }
}
