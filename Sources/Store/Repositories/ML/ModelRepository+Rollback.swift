import Foundation
import Postgres

extension ModelRepository {
    /// Rolls the champion `id` back: retires it and makes the previous champion of its sport, bet type and publication
    /// champion again, logging both (`rolled_back` with `reason` and `details`, `reinstated`), in one transaction, so
    /// a crash leaves either the old state or the new one. The ML guide's rollback (2.7), whether a trigger fired
    /// (`ModelMonitor`) or an admin asked.
    ///
    /// The previous champion is the one promoted most recently among the market's retired models that were never
    /// rolled back themselves: rolling back twice must not bring back a model that was rolled back for a reason.
    public func rollBack(id: Int, reason: String, details: [String: Double] = [:]) async throws -> ModelRollback {
        try await database.withTransaction(isolation: #isolation) { tx in
            // The market and the status only: the artifact, often megabytes, is not needed to roll back.
            guard let row = try await tx.query(
                "SELECT sport, bet_type, publication, status FROM models WHERE id = \(id) FOR UPDATE"
            ).rows.first else { return .notFound }
            let status: ModelStatus = try row.decode("status")
            guard status == .champion else { return .notChampion(status) }
            let (sport, betType, publication): (String, BetType, PredictionPublication) =
                (try row.decode("sport"), try row.decode("bet_type"), try row.decode("publication"))
            let previous = try await tx.query(
                """
                SELECT id FROM models m
                WHERE sport = \(sport) AND bet_type = \(betType) AND publication = \(publication)
                  AND id <> \(id) AND status = 'retired' AND promoted_at IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM model_events e WHERE e.model_id = m.id AND e.kind = 'rolled_back')
                ORDER BY promoted_at DESC LIMIT 1
                """
            ).rows.first.map { try $0.decode(Int.self, "id") }
            try await tx.models.retire(id: id)
            try await tx.modelReports.log(ModelEvent(modelID: id, kind: .rolledBack, reason: reason, details: details))
            if let previous {
                try await tx.models.promote(id: previous)
                try await tx.modelReports.log(
                    ModelEvent(modelID: previous, kind: .reinstated, reason: "model #\(id) was rolled back: \(reason)", details: details))
            }
            return .rolledBack(reinstated: previous)
        }
    }
}
