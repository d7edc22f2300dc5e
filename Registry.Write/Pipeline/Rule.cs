namespace Registry.Write.Pipeline;

/// <summary>How a decider refuses: <c>throw Rule.Broken("the competition is closed")</c>, stated as an official would.</summary>
public static class Rule
{
    public static CommandRejectedException Broken(string rule) => new(CommandError.RuleBroken(rule));
}
