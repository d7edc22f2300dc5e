using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Corrections;
using Registry.Contracts.Provinces;
using Registry.Contracts.Startups;
using Registry.Contracts.Trainings;
using Registry.EventStore;

namespace Registry.Tests.Dashboard;

/// <summary>
/// The facts the dashboard specifications look at, appended to a fresh SQLite log: Lạng Sơn, Phú Thọ and Vĩnh Phúc
/// (which the 2025 reform rolls into Phú Thọ), a few startups, and a training in Lạng Sơn whose participants are
/// corrected after the fact — so that the view "as the registry said it then" differs from today's.
/// </summary>
public sealed class DashboardLog
{
    public const int Year = 2025;
    public const decimal ParticipantsAsFirstReported = 120, ParticipantsAfterCorrection = 150;

    /// <summary>When the original training was recorded: a moment before the correction.</summary>
    public DateTimeOffset BeforeCorrection { get; private set; }

    public static async Task<DashboardLog> WriteAsync(string databasePath)
    {
        var log = new DashboardLog();
        await using var store = await new EventStoreLocation(EventStoreLocation.Sqlite, databasePath).OpenAsync();
        foreach (var (code, name) in new[] { ("20", "Tỉnh Lạng Sơn"), ("25", "Tỉnh Phú Thọ"), ("26", "Tỉnh Vĩnh Phúc"), ("17", "Tỉnh Hoà Bình") })
            await Append(store, StreamNames.ProvinceMap, new ProvinceRegistered(code, name, ProvinceKind.Province, "Miền Bắc", new DateOnly(2008, 8, 1),
                new DateOnly(2008, 8, 1), "GSO"));
        await Append(store, StreamNames.ProvinceMap, new ProvincesReorganized("202/2025/QH15", new DateOnly(2025, 7, 1),
        [
            new ProvinceMerger("20", "Tỉnh Lạng Sơn", "20", "Lạng Sơn", ProvinceKind.Province),
            new ProvinceMerger("25", "Tỉnh Phú Thọ", "25", "Phú Thọ", ProvinceKind.Province),
            new ProvinceMerger("26", "Tỉnh Vĩnh Phúc", "25", "Phú Thọ", ProvinceKind.Province),
            new ProvinceMerger("17", "Tỉnh Hoà Bình", "25", "Phú Thọ", ProvinceKind.Province),
        ], new DateOnly(2025, 6, 12), "Nghị quyết 202/2025/QH15"));
        foreach (var (id, name, province, sector) in new[]
                 {
                     ("tra-hoa-vang", "Trà Hoa Vàng", "20", "agritech"), ("na-lang-son", "Hợp tác xã Na Lạng Sơn", "20", "agritech"),
                     ("an-phat", "An Phát", "26", "fintech"), ("binh-minh", "Bình Minh", "26", "edtech"), ("cao-nguyen", "Cao Nguyên", "25", "agritech"),
                 })
            await Append(store, StreamNames.Startup(id), new StartupRegistered(id, name, province, [sector], StartupStage.Project, null,
                [new Founder("Nguyễn Văn A", Phone: "0912345678")], null, null, new DateOnly(Year, 3, 1), "Sở KH&CN"));
        var training = new TrainingRecorded("ls-t1", "Tập huấn khởi nghiệp Lạng Sơn", "Sở KH&CN Lạng Sơn", "20", new DateOnly(Year, 5, 10),
            new DateOnly(Year, 5, 11), "sinh viên", Figure.Exact(ParticipantsAsFirstReported), new DateOnly(Year, 5, 11), "Báo cáo 12/BC-SKHCN");
        var original = await Append(store, StreamNames.Training("ls-t1"), training);
        log.BeforeCorrection = original.Recorded;
        var replacement = JsonSerializer.SerializeToElement(training with { Participants = Figure.Exact(ParticipantsAfterCorrection) }, RegistryJson.Options);
        await Append(store, StreamNames.Training("ls-t1"), new FactCorrected(original.EventId, nameof(TrainingRecorded), replacement,
            "danh sách bổ sung", new DateOnly(2026, 1, 15), "Báo cáo 3/BC-SKHCN"));
        return log;
    }

    private static async Task<RecordedEvent> Append(IEventStore store, string stream, IRegistryEvent fact)
    {
        var id = Guid.NewGuid();
        var metadata = new EventMetadata(fact.OccurredOn, "test", fact.Source, Guid.NewGuid(), Guid.NewGuid());
        await store.AppendAsync(stream, ExpectedRevision.Any,
        [
            new EventData(id, EventCatalogue.NameOf(fact.GetType()), JsonSerializer.SerializeToUtf8Bytes(fact, fact.GetType(), RegistryJson.Options),
                JsonSerializer.SerializeToUtf8Bytes(metadata, RegistryJson.Options)),
        ]);
        return (await store.ReadEventAsync(id))!;
    }
}
