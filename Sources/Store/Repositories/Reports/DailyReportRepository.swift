import Foundation
import Postgres

/// Reads and writes `daily_reports`: one report per UTC day and sport.
public struct DailyReportRepository: Sendable {
    let database: any PostgresDatabase


    /// Stores `report` as the report of its day and sport, replacing an earlier one.
    public func upsert(_ report: DailyReport) async throws {
        _ = try await database.query(
            """
            INSERT INTO daily_reports (day, sport, report)
            VALUES (\(report.day)::date, \(report.sport), \(try Self.encode(report))::jsonb)
            ON CONFLICT (day, sport) DO UPDATE SET report = EXCLUDED.report, updated_at = now()
            """)
    }

    /// The report of `sport` on `day` (`YYYY-MM-DD`).
    public func find(day: String, sport: String) async throws -> DailyReport? {
        guard
            let row = try await database.query(
                "SELECT report::text AS report FROM daily_reports WHERE day = \(day)::date AND sport = \(sport)"
            ).first
        else { return nil }
        let text: String = try row.decode("report")
        do {
            return try Self.decoder.decode(DailyReport.self, from: Data(text.utf8))
        } catch {
            throw StoreError(.decoding, message: "daily_reports \(day) \(sport): \(error)")
        }
    }

    // Timestamps as ISO 8601 text, so the stored JSON reads the same in psql as in the API.
    private static func encode(_ report: DailyReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
