using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

/// <summary>A project becomes a company, with its enterprise code (mã số doanh nghiệp).</summary>
public sealed record StartupIncorporated(string StartupId, string CompanyName, string EnterpriseCode, DateOnly OccurredOn, string Source) : IRegistryEvent;
