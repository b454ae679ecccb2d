import Foundation
import Postgres

/// A model's evaluation report (`model_reports`) and its promotion log (`model_events`).
public struct ModelReportRepository: Sendable {
    let database: any PostgresDatabase


    /// Stores (or replaces) the HTML report of a model.
    public func saveReport(modelID: Int, html: String) async throws {
        _ = try await database.query(
            """
            INSERT INTO model_reports (model_id, html) VALUES (\(modelID), \(html))
            ON CONFLICT (model_id) DO UPDATE SET html = EXCLUDED.html, created_at = now()
            """)
    }

    /// The HTML report of a model, if it has one.
    public func report(modelID: Int) async throws -> String? {
        try await database.query("SELECT html FROM model_reports WHERE model_id = \(modelID)").rows.first?.decode("html")
    }

    /// Logs a promotion decision or rollback; returns its id.
    @discardableResult
    public func log(_ event: ModelEvent) async throws -> Int {
        try await database.query(
            """
            INSERT INTO model_events (model_id, kind, reason, details)
            VALUES (\(event.modelID), \(event.kind), \(event.reason), \(PostgresJSON(event.details))::jsonb)
            RETURNING id
            """
        ).returnedID()
    }

    /// The events of a model, newest first.
    public func events(modelID: Int) async throws -> [ModelEvent] {
        try await database.query(
            "SELECT * FROM model_events WHERE model_id = \(modelID) ORDER BY created_at DESC, id DESC"
        ).map { row in
            ModelEvent(
                id: try row.decode("id"), modelID: try row.decode("model_id"), kind: try row.decode("kind"),
                reason: try row.decode("reason"), details: try row.decode(PostgresJSON<[String: Double]>.self, "details").value,
                createdAt: try row.decode("created_at"))
        }
    }
}
