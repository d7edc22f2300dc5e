using Registry.Contracts.Common;

namespace Registry.Contracts.Startups;

/// <summary>Support from a programme (e.g. Đề án 844, a provincial plan): kind such as training, incubation, funding; amount in VND if any.</summary>
public sealed record SupportGranted(string StartupId, string SupportId, string Programme, string Kind, decimal? AmountVnd, string? GrantedBy,
    DateOnly OccurredOn, string Source) : IRegistryEvent;
