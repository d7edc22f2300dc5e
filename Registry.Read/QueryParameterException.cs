namespace Registry.Read;

/// <summary>A query parameter that cannot be answered: HTTP turns it into a 400 problem naming the parameter.</summary>
public sealed class QueryParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
