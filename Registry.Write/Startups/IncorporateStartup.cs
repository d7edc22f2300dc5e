using Registry.Contracts.Common;
using Registry.Contracts.Startups;
using Registry.Write.Pipeline;
using Command = Registry.Contracts.Startups.IncorporateStartup;

namespace Registry.Write.Startups;

/// <summary>A project becomes a company (thành lập doanh nghiệp) with its enterprise code: once.</summary>
public sealed partial class IncorporateStartup : UseCase<Command>
{
    private static readonly IncorporateStartup Instance = new();

    public sealed record Request(Command Command, CommandContext Context) : IWriteRequest
    {
        IRegistryCommand IWriteRequest.Command => Command;
        public IUseCase UseCase => Instance;
    }

    public sealed class Handler(CommandExecutor executor) : WriteHandler<Request, Command>(executor, Instance);

    protected override IWriteRequest NewRequest(Command command, CommandContext context) => new Request(command, context);

    public override string StreamOf(Command command) => StreamNames.Startup(command.StartupId);

    public override IEnumerable<ProvinceRef> ProvincesOf(Command command, Facts startup) => StartupFacts.Provinces(startup);

    public override void Validate(Command c, FieldErrors errors) =>
        errors.Require(EnterpriseCode().IsMatch(c.EnterpriseCode), "enterpriseCode", "must be the 10-digit enterprise code (mã số doanh nghiệp), or 10 digits, a dash and 3 for a branch");

    public override IEnumerable<IRegistryEvent> Decide(Command c, Facts startup, Related related)
    {
        StartupFacts.RequireOpen(startup, c.StartupId);
        if (startup.Last<StartupIncorporated>() is { } earlier)
            throw Rule.Broken($"startup '{c.StartupId}' was already incorporated on {earlier.OccurredOn:yyyy-MM-dd} ({earlier.EnterpriseCode})");
        yield return new StartupIncorporated(c.StartupId, c.CompanyName, c.EnterpriseCode, c.OccurredOn, c.Source);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{10}(-\d{3})?$")]
    private static partial System.Text.RegularExpressions.Regex EnterpriseCode();
}
