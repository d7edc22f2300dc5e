namespace Registry.Contracts.Organizations;

public enum InvestorKind { VentureFund, Angel, Corporate, Public, Other }
