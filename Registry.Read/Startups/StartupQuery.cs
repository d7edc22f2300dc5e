namespace Registry.Read.Startups;

/// <summary>The parameters of <c>GET /api/startups</c>, as given (validated by <see cref="SearchStartups"/>).</summary>
public sealed record StartupQuery(string? Q = null, string? Province = null, string? Sector = null, string? Stage = null, string? Page = null,
    string? PageSize = null, string? Sort = null, string? Map = null, string? AsOf = null, string? ValidOn = null);
