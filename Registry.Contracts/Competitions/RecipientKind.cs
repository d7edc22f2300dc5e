namespace Registry.Contracts.Competitions;

public enum RecipientKind { Startup, Project }
