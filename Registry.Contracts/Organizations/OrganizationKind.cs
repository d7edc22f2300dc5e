namespace Registry.Contracts.Organizations;

public enum OrganizationKind
{
    /// <summary>Vườn ươm.</summary>
    Incubator,
    /// <summary>Khu làm việc chung.</summary>
    CoworkingSpace,
    /// <summary>Trung tâm hỗ trợ khởi nghiệp.</summary>
    SupportCentre,
    /// <summary>Quỹ đầu tư.</summary>
    Fund,
    University,
    Association,
    /// <summary>A state agency, such as a provincial Department of Science and Technology.</summary>
    Agency,
    Other,
}
