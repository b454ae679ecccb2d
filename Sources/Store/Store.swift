/// PostgreSQL over libpq: the platform's system of record.
public enum Store {}
