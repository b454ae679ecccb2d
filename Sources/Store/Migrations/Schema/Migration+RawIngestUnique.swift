extension Migration {
    /// 9: one row per (source, payload hash), enforced by the database.
    ///
    /// Collectors skip a payload already stored; checking first and inserting after left a window
    /// in which two concurrent collections of the same payload both inserted it.
    static let rawIngestUnique = Migration(
        version: 9,
        name: "raw_ingest_unique_payload",
        up: """
            DELETE FROM raw_ingest a USING raw_ingest b
                WHERE a.source = b.source AND a.payload_sha256 = b.payload_sha256 AND a.id > b.id;
            DROP INDEX raw_ingest_payload_sha256;
            CREATE UNIQUE INDEX raw_ingest_source_payload ON raw_ingest (source, payload_sha256);
            """,
        down: """
            DROP INDEX raw_ingest_source_payload;
            CREATE INDEX raw_ingest_payload_sha256 ON raw_ingest (payload_sha256);
            """
    )
}
