namespace Registry.EventStore;

public enum FilterTarget { EventType, StreamName }
