using Registry.Contracts.Common;
using Registry.Contracts.Provinces;
using Registry.Write.Pipeline;
using Registry.Write.Provinces;
using Command = Registry.Contracts.Provinces.RenameProvince;

namespace Registry.Write.Provinces;

/// <summary>A unit keeps its code under a new name (Thừa Thiên Huế became Thành phố Huế). Administrators only.</summary>
public sealed class RenameProvince : UseCase<Command>
{
    private static readonly RenameProvince Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override bool AdminOnly => true;

    public override string StreamOf(Command command) => StreamNames.ProvinceMap;

    public override IEnumerable<ProvinceField> ProvincesNamed(Command command) => [new ProvinceField("code", command.Code, command.EffectiveOn)];

    public override void Validate(Command c, FieldErrors errors) =>
        errors.Require(ProvinceNames.Normalize(c.OldName) != ProvinceNames.Normalize(c.NewName) || c.OldName.Trim() != c.NewName.Trim(), "newName", "is the old name");

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts map, Related related)
    {
        var unit = ProvinceMap.From(map).UnitOn(c.Code, c.EffectiveOn) ?? throw Rule.Broken($"code {c.Code} names no province on {c.EffectiveOn:yyyy-MM-dd}");
        var current = unit.NameOn(c.EffectiveOn);
        if (ProvinceNames.Normalize(current) != ProvinceNames.Normalize(c.OldName))
            throw Rule.Broken($"province {c.Code} is named {current} on {c.EffectiveOn:yyyy-MM-dd}, not {c.OldName}");
        yield return new ProvinceRenamed(c.Code, c.OldName, c.NewName, c.Kind, c.EffectiveOn, c.OccurredOn, c.Source);
    }
}
