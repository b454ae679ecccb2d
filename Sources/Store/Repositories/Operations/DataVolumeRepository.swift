import Foundation
import Postgres

/// The seed's "data volume trends": daily row counts per main table, from their `created_at` indexes.
public struct DataVolumeRepository: Sendable {
    /// The tables counted; each has an index on `created_at`.
    public static let tables = [
        "games", "odds", "closing_lines", "weather", "statcast", "raw_ingest", "game_features", "predictions",
        "data_quality_checks",
    ]

    let database: any PostgresDatabase


    /// Rows created per table per UTC day since `since`, by table then day.
    public func dailyVolumes(since: Date) async throws -> [DailyVolume] {
        // Table names are the fixed list above, never input; the date is a parameter.
        let perTable = Self.tables.map { table in
            "SELECT '\(table)' AS table_name, date_trunc('day', created_at) AS day, count(*) AS rows FROM \(table) WHERE created_at >= $1 GROUP BY 2"
        }
        let sql = perTable.joined(separator: "\nUNION ALL\n") + "\nORDER BY table_name, day"
        return try await database.query(PostgresQuery(sql, binds: [since.postgresBind])).map { row in
            DailyVolume(table: try row.decode("table_name"), day: try row.decode("day"), rows: try row.decode("rows"))
        }
    }
}
