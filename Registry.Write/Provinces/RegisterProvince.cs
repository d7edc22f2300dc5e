using Registry.Contracts.Common;
using Registry.Contracts.Provinces;
using Registry.Write.Pipeline;
using Registry.Write.Provinces;
using Command = Registry.Contracts.Provinces.RegisterProvince;

namespace Registry.Write.Provinces;

/// <summary>A provincial-level unit exists from a date: a code names one unit at a time. Administrators only.</summary>
public sealed class RegisterProvince : UseCase<Command>
{
    private static readonly RegisterProvince Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override bool AdminOnly => true;

    public override string StreamOf(Command command) => StreamNames.ProvinceMap;

    /// <summary>The code is being defined here, not named: it is checked against the map by the decider.</summary>
    public override IEnumerable<ProvinceField> ProvincesNamed(Command command) => [];

    public override void Validate(Command c, FieldErrors errors) => ProvinceMapRules.CheckCode(c.Code, "code", errors);

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts map, Related related)
    {
        var units = ProvinceMap.From(map);
        if (units.Units.FirstOrDefault(u => u.Code == c.Code && (u.ValidUntil is null || u.ValidUntil > c.ValidFrom)) is { } existing)
            throw Rule.Broken($"code {c.Code} already names {existing.Name} from {existing.ValidFrom:yyyy-MM-dd}" +
                              (existing.ValidUntil is { } until ? $" until {until:yyyy-MM-dd}" : ""));
        yield return new ProvinceRegistered(c.Code, c.Name, c.Kind, c.Region, c.ValidFrom, c.OccurredOn, c.Source);
    }
}
