using System.Globalization;
using System.Text.Json;
using Registry.Contracts.Common;
using Registry.Contracts.Competitions;
using Registry.Contracts.Corrections;
using Registry.Contracts.EcosystemEvents;
using Registry.Contracts.Figures;
using Registry.Contracts.IndexScores;
using Registry.Contracts.Organizations;
using Registry.Contracts.Plans;
using Registry.Contracts.Provinces;
using Registry.Contracts.Startups;
using Registry.Contracts.Trainings;

namespace Registry.Host.Cli.Bench;

/// <summary>
/// A deterministic (seeded) history of the ecosystem with every kind of event: the 63 provinces, then ten years of
/// facts (2016 → 2026) whose valid time advances with the history, the 2025 reorganization at 1 July 2025 (facts
/// after it use the 34 new codes), PII scores, reported figures, and corrections and retractions of earlier facts in
/// their own streams. Used by <c>bench rebuild</c> and reusable by property tests (replay vs read models).
/// </summary>
public sealed class HistoryGenerator(int seed = 844)
{
    private static readonly DateOnly Start = new(2016, 6, 1), End = new(2026, 10, 31), Reform = new(2025, 7, 1);
    private static readonly string[] Sectors = ["agritech", "fintech", "edtech", "healthtech", "du lịch", "logistics", "năng lượng", "thương mại điện tử"];
    private static readonly string[] Words = ["Xanh", "Việt", "Sen", "Lúa", "Mây", "Đồng", "Sáng", "Hồng", "Bắc", "Nam", "Trà", "Cà phê", "Mật ong", "Nông sản", "Số"];
    private static readonly string[] Themes = ["Khởi nghiệp nông nghiệp", "Chuyển đổi số", "Du lịch thông minh", "Đổi mới sáng tạo", "Kết nối đầu tư"];

    private readonly Random _random = new(seed);
    private readonly List<(string Code, string Name, string Region)> _oldUnits = [];
    private readonly List<(string Code, string Name)> _newUnits = [];
    private readonly List<ProvinceMerger> _mergers = [];
    private readonly List<string> _startups = [], _organizations = [];
    private readonly List<(string Id, string Province)> _competitions = [];
    private readonly List<(string PlanId, string TargetId)> _targets = [];
    private readonly List<GeneratedEvent> _correctable = [];

    public IEnumerable<GeneratedEvent> Generate(int count)
    {
        LoadReform();
        var emitted = 0;
        foreach (var (code, name, region) in _oldUnits)
        {
            yield return New(StreamNames.ProvinceMap, new ProvinceRegistered(code, name, code is "01" or "31" or "46" or "48" or "79" or "92" ? ProvinceKind.Municipality : ProvinceKind.Province,
                region, new DateOnly(2008, 8, 1), new DateOnly(2008, 8, 1), "Tổng cục Thống kê"));
            emitted++;
        }
        var reformed = false;
        var piiYear = 2023;
        while (emitted < count)
        {
            var on = Start.AddDays((int)((long)(End.DayNumber - Start.DayNumber) * emitted / count));
            if (!reformed && on >= Reform.AddDays(-20))
            {
                reformed = true;
                yield return New(StreamNames.ProvinceMap, new ProvincesReorganized("202/2025/QH15", Reform, _mergers, on, "Nghị quyết 202/2025/QH15"));
                emitted++;
                continue;
            }
            if (on.Year > piiYear && on.Month >= 3 && piiYear <= 2025)
            {
                var units = piiYear < 2025 ? _oldUnits.Select(u => u.Code).ToList() : _newUnits.Select(u => u.Code).ToList();
                var rank = 0;
                foreach (var code in units.OrderBy(_ => _random.Next()))
                {
                    if (emitted >= count) yield break;
                    yield return New(StreamNames.IndexScores(piiYear), new IndexScorePublished(piiYear, code, Math.Round((decimal)(60 - rank * 0.4 + _random.NextDouble()), 2), ++rank, on, "Bộ KH&CN"));
                    emitted++;
                }
                piiYear++;
                continue;
            }
            yield return Next(on, on >= Reform);
            emitted++;
        }
    }

    private GeneratedEvent Next(DateOnly on, bool afterReform)
    {
        var province = afterReform ? _newUnits[_random.Next(_newUnits.Count)].Code : _oldUnits[_random.Next(_oldUnits.Count)].Code;
        var roll = _random.Next(1000);
        switch (roll)
        {
            case < 200:
                return RegisterStartup(on, province);
            case < 280 when _startups.Count > 0:
            {
                var id = Pick(_startups);
                return New(StreamNames.Startup(id), new StartupProfileUpdated(id, null, [Pick(Sectors), Pick(Sectors)], (StartupStage)_random.Next(3), null,
                    "Cập nhật hồ sơ", null, on, "Cổng thông tin khởi nghiệp"));
            }
            case < 300 when _startups.Count > 0:
            {
                var id = Pick(_startups);
                return Correctable(New(StreamNames.Startup(id), new StartupRelocated(id, "", province, on, "Cổng thông tin khởi nghiệp")));
            }
            case < 330 when _startups.Count > 0:
            {
                var id = Pick(_startups);
                return New(StreamNames.Startup(id), new StartupIncorporated(id, "Công ty TNHH " + id, (1_000_000_000 + _random.Next(900_000_000)).ToString(CultureInfo.InvariantCulture), on, "Sở KH&ĐT"));
            }
            case < 340 when _startups.Count > 0:
            {
                var id = Pick(_startups);
                return New(StreamNames.Startup(id), new StartupClosed(id, "ngừng hoạt động", on, "Sở KH&ĐT"));
            }
            case < 420 when _startups.Count > 0:
            {
                var id = Pick(_startups);
                return Correctable(New(StreamNames.Startup(id), new SupportGranted(id, Id("sp"), "Đề án 844", Pick(["đào tạo", "ươm tạo", "kinh phí"]),
                    _random.Next(2) == 0 ? null : _random.Next(10, 500) * 1_000_000m, "Sở KH&CN", on, "Quyết định hỗ trợ")));
            }
            case < 480 when _startups.Count > 0:
            {
                var id = Pick(_startups);
                return Correctable(New(StreamNames.Startup(id), new FundingRecorded(id, Id("fd"), null, "Quỹ " + Pick(Words), _random.Next(1, 200) * 100_000_000m,
                    Pick(["seed", "pre-A", "series A"]), on, "báo Đầu tư")));
            }
            case < 500:
            {
                var id = Id("org");
                _organizations.Add(id);
                return New(StreamNames.Organization(id), new SupportOrganizationRegistered(id, $"Vườn ươm {Pick(Words)} {id}", (OrganizationKind)_random.Next(8),
                    province, null, on, "Sở KH&CN"));
            }
            case < 505 when _organizations.Count > 0:
            {
                var id = Pick(_organizations);
                return New(StreamNames.Organization(id), new OrganizationRenamed(id, "", $"Trung tâm {Pick(Words)} {id}", on, "Quyết định đổi tên"));
            }
            case < 515:
            {
                var id = Id("inv");
                return New(StreamNames.Investor(id), new InvestorRegistered(id, $"Quỹ {Pick(Words)} {id}", (InvestorKind)_random.Next(5), province, null, null, null, on, "VIISA"));
            }
            case < 535:
            {
                var id = Id("mt");
                return New(StreamNames.Mentor(id), new MentorRegistered(id, $"Chuyên gia {id}", [Pick(Sectors)], province, null, null, null, on, "Mạng lưới cố vấn"));
            }
            case < 555:
            {
                var id = Id("cp");
                _competitions.Add((id, province));
                return New(StreamNames.Competition(id), new CompetitionLaunched(id, $"Cuộc thi khởi nghiệp {id} năm {on.Year}", province, on.Year, "Sở KH&CN", on, "Kế hoạch cuộc thi"));
            }
            case < 575 when _competitions.Count > 0:
            {
                var (id, _) = Recent(_competitions);
                var received = _random.Next(20, 120);
                return Correctable(New(StreamNames.Competition(id), new ApplicationsRecorded(id, Figure.Exact(received), Figure.Exact(received - _random.Next(0, 20)), on, "Báo cáo tổng kết")));
            }
            case < 695 when _competitions.Count > 0:
            {
                var (id, _) = Recent(_competitions);
                return Correctable(New(StreamNames.Competition(id), new PrizeAwarded(id, Id("pz"), RecipientKind.Project, Id("pj"), $"Dự án {Pick(Words)}",
                    Pick(["Nhất", "Nhì", "Ba", "Khuyến khích"]), _random.Next(1, 50) * 1_000_000m, on, "Lễ trao giải")));
            }
            case < 705 when _competitions.Count > 0:
            {
                var (id, _) = Recent(_competitions);
                return New(StreamNames.Competition(id), new CompetitionClosed(id, on, "Lễ tổng kết"));
            }
            case < 805:
            {
                var id = Id("tr");
                return Correctable(New(StreamNames.Training(id), new TrainingRecorded(id, $"Tập huấn {Pick(Themes)}", "Sở KH&CN", province, on, on.AddDays(2),
                    "sinh viên, doanh nghiệp", new Figure(_random.Next(20, 300), (FigureQualifier)_random.Next(4)), on, "Báo cáo tập huấn")));
            }
            case < 885:
            {
                var id = Id("ev");
                var kind = (EcosystemEventKind)_random.Next(8);
                return New(StreamNames.EcosystemEvent(id), new EcosystemEventRecorded(id, kind, $"{kind} {Pick(Themes)} {on.Year}", Pick(Themes), province, [province],
                    Region(province), "Bộ KH&CN", on, new Figure(_random.Next(50, 2000), FigureQualifier.About), null, on, "Báo Khoa học"));
            }
            case < 890:
            {
                var id = Id("pl");
                var targets = new List<PlanTarget>
                {
                    new("t1", PlanMetric.StartupsSupported, 3, 5, "dự án", true, new DateOnly(on.Year + 4, 12, 31), "03–05 dự án mỗi năm"),
                    new("t2", PlanMetric.CompetitionsHeld, 1, 1, "cuộc thi", true, new DateOnly(on.Year + 4, 12, 31), "01 cuộc thi mỗi năm"),
                    new("t3", PlanMetric.TrainingParticipants, 500, 800, "lượt người", false, new DateOnly(on.Year + 4, 12, 31), "500–800 lượt người"),
                };
                _targets.AddRange(targets.Select(t => (id, t.TargetId)));
                return New(StreamNames.Plan(id), new ProvincialPlanAdopted(id, $"{id[2..]}/KH-UBND", "UBND tỉnh", on, province, on.Year, on.Year + 4,
                    "Kế hoạch hỗ trợ hệ sinh thái khởi nghiệp", targets, on, "Kế hoạch"));
            }
            case < 893 when _targets.Count > 0:
            {
                var (plan, target) = Pick(_targets);
                return New(StreamNames.Plan(plan), new PlanTargetRevised(plan, target, 2, 6, new DateOnly(on.Year + 2, 12, 31), "điều chỉnh", on, "Quyết định điều chỉnh"));
            }
            case < 896:
            {
                var id = Id("rs");
                return New(StreamNames.Resolution(id), new ResolutionIssued(id, $"{_random.Next(1, 50)}/{on.Year}/NQ-HĐND", "HĐND tỉnh", on, province,
                    "Nghị quyết mức chi hỗ trợ khởi nghiệp", "Mức chi", on, "Nghị quyết"));
            }
            case < 901:
            {
                var id = Id("fg");
                return New(StreamNames.Figure(id), new FigureReported(id, Pick([PlanMetric.ValidApplications, PlanMetric.PrizesAwarded, PlanMetric.TrainingParticipants]),
                    province, Math.Max(2016, on.Year - 4), on.Year, new Figure(_random.Next(10, 500)), "", "Số liệu báo cáo", on, "Bài báo"));
            }
            case < 916 when _correctable.Count > 100:
                return Correct(on);
            case < 921 when _correctable.Count > 100:
                return Retract(on);
            default:
                return RegisterStartup(on, province);
        }
    }

    private GeneratedEvent RegisterStartup(DateOnly on, string province)
    {
        var id = Id("st");
        _startups.Add(id);
        return New(StreamNames.Startup(id), new StartupRegistered(id, $"{Pick(Words)} {Pick(Words)} {_random.Next(1000)}", province, [Pick(Sectors)],
            (StartupStage)_random.Next(3), on.AddYears(-1), [new Founder("Nguyễn Văn " + Pick(Words))], "Khởi nghiệp " + Pick(Themes), null, on, "Cổng thông tin khởi nghiệp"));
    }

    /// <summary>A correction of a fact recorded well before (not among the last few thousand, so appends in flight have committed).</summary>
    private GeneratedEvent Correct(DateOnly on)
    {
        var original = _correctable[_random.Next(_correctable.Count - 100)];
        IRegistryEvent replacement = original.Data switch
        {
            TrainingRecorded t => t with { Participants = new Figure(t.Participants.Value + _random.Next(1, 50)) },
            FundingRecorded f => f with { AmountVnd = f.AmountVnd * 2 },
            ApplicationsRecorded a => a with { Valid = new Figure(Math.Max(0, a.Valid.Value - 3)) },
            PrizeAwarded p => p with { Rank = "Nhì" },
            SupportGranted s => s with { Kind = "ươm tạo" },
            StartupRelocated r => r with { ToProvinceCode = _oldUnits[0].Code },
            _ => original.Data,
        };
        return New(original.Stream, new FactCorrected(original.EventId, original.Data.GetType().Name,
            JsonSerializer.SerializeToElement(replacement, replacement.GetType(), RegistryJson.Options), "số liệu sai", on, "Công văn đính chính"));
    }

    private GeneratedEvent Retract(DateOnly on)
    {
        var index = _random.Next(_correctable.Count - 100);
        var original = _correctable[index];
        _correctable.RemoveAt(index);
        return New(original.Stream, new FactRetracted(original.EventId, original.Data.GetType().Name, "không có thật", on, "Thanh tra"));
    }

    private GeneratedEvent Correctable(GeneratedEvent e)
    {
        _correctable.Add(e);
        return e;
    }

    private GeneratedEvent New(string stream, IRegistryEvent data)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new GeneratedEvent(stream, new Guid(bytes), data);
    }

    private int _ids;
    private string Id(string prefix) => $"{prefix}{++_ids}";
    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
    /// <summary>Prizes and applications go to one of the latest competitions, as they do in life.</summary>
    private T Recent<T>(IReadOnlyList<T> items) => items[Math.Max(0, items.Count - 1 - _random.Next(Math.Min(items.Count, 20)))];

    private string Region(string code) => _oldUnits.FirstOrDefault(u => u.Code == code).Region ?? "Khác";

    private void LoadReform()
    {
        using var stream = typeof(HistoryGenerator).Assembly.GetManifestResourceStream("provinces-2025-reform.csv")!;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            var kind = f[4].StartsWith("Thành phố", StringComparison.Ordinal) ? ProvinceKind.Municipality : ProvinceKind.Province;
            _oldUnits.Add((f[0], f[1], RegionOf(int.Parse(f[0], CultureInfo.InvariantCulture))));
            _mergers.Add(new ProvinceMerger(f[0], f[1], f[2], f[3], kind));
            if (_newUnits.All(u => u.Code != f[2])) _newUnits.Add((f[2], f[3]));
        }
    }

    /// <summary>The socio-economic region of an old unit (GSO codes).</summary>
    private static string RegionOf(int code) => code switch
    {
        1 or 22 or 26 or 27 or 30 or 31 or 33 or 34 or 35 or 36 or 37 => "Đồng bằng sông Hồng",
        <= 25 => "Trung du và miền núi phía Bắc",
        <= 60 => "Bắc Trung Bộ và Duyên hải miền Trung",
        <= 68 => "Tây Nguyên",
        <= 79 => "Đông Nam Bộ",
        _ => "Đồng bằng sông Cửu Long",
    };
}
