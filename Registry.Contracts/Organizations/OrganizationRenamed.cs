using Registry.Contracts.Common;

namespace Registry.Contracts.Organizations;

/// <summary>Agencies are renamed over time (Cục Phát triển thị trường KHCN → … → Cục Khởi nghiệp và Doanh nghiệp công nghệ).</summary>
public sealed record OrganizationRenamed(string OrganizationId, string OldName, string NewName, DateOnly OccurredOn, string Source) : IRegistryEvent;
