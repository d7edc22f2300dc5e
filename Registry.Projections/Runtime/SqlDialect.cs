namespace Registry.Projections.Runtime;

/// <summary>Read models live in the same database as the log: the SQLite file or the PostgreSQL database.</summary>
public enum SqlDialect { Sqlite, Postgres }
