extension Migration {
    /// 14: point-in-time injury reads ask, per sport and source, for the latest list collected before a time.
    static let injuriesByListTime = Migration(
        version: 14,
        name: "injuries_by_list_time",
        up: """
            CREATE INDEX injuries_list_time ON injuries (sport, source, last_seen_at);
            """,
        down: """
            DROP INDEX injuries_list_time;
            """
    )
}
