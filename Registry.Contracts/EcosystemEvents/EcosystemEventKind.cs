namespace Registry.Contracts.EcosystemEvents;

public enum EcosystemEventKind
{
    TechfestNational,
    TechfestRegional,
    TechfestProvincial,
    /// <summary>Hội thảo.</summary>
    Workshop,
    /// <summary>Diễn đàn.</summary>
    Forum,
    /// <summary>Tọa đàm.</summary>
    Seminar,
    Meeting,
    Other,
}
