using Registry.Contracts.Common;
using Registry.Contracts.Provinces;
using Registry.Write.Pipeline;
using Registry.Write.Provinces;
using Command = Registry.Contracts.Provinces.ReorganizeProvinces;

namespace Registry.Write.Provinces;

/// <summary>A reorganization of the map (Resolution 202/2025/QH15: 63 units became 34 on 1 July 2025): every unit listed ends, and the new units begin. Administrators only.</summary>
public sealed class ReorganizeProvinces : UseCase<Command>
{
    private static readonly ReorganizeProvinces Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override bool AdminOnly => true;

    public override string StreamOf(Command command) => StreamNames.ProvinceMap;

    /// <summary>Old codes are checked on the day before the reform by the decider; new codes are being defined.</summary>
    public override IEnumerable<ProvinceField> ProvincesNamed(Command command) => [];

    public override void Validate(Command c, FieldErrors errors)
    {
        errors.Require(c.Mergers.Count > 0, "mergers", "lists no unit");
        for (var i = 0; i < c.Mergers.Count; i++)
        {
            ProvinceMapRules.CheckCode(c.Mergers[i].OldCode, $"mergers[{i}].oldCode", errors);
            ProvinceMapRules.CheckCode(c.Mergers[i].NewCode, $"mergers[{i}].newCode", errors);
        }
        foreach (var twice in c.Mergers.GroupBy(m => m.OldCode).Where(g => g.Count() > 1))
            errors.Add("mergers", $"lists old code {twice.Key} twice");
        foreach (var differing in c.Mergers.GroupBy(m => m.NewCode).Where(g => g.Select(m => (m.NewName.Trim(), m.NewKind)).Distinct().Count() > 1))
            errors.Add("mergers", $"gives new code {differing.Key} different names or kinds");
    }

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts map, Related related)
    {
        var units = ProvinceMap.From(map);
        var dayBefore = c.EffectiveOn.AddDays(-1);
        var missing = c.Mergers.Where(m => units.UnitOn(m.OldCode, dayBefore) is null).Select(m => m.OldCode).ToList();
        if (missing.Count > 0)
            throw Rule.Broken($"code(s) {string.Join(", ", missing)} name no province on {dayBefore:yyyy-MM-dd}, the day before the reorganization");
        if (map.All<ProvincesReorganized>().FirstOrDefault(r => r.Resolution.Trim() == c.Resolution.Trim()) is { } earlier)
            throw Rule.Broken($"the reorganization of {earlier.Resolution} is already recorded (effective {earlier.EffectiveOn:yyyy-MM-dd})");
        yield return new ProvincesReorganized(c.Resolution, c.EffectiveOn, c.Mergers, c.OccurredOn, c.Source);
    }
}
