import Foundation
import Postgres

/// The promotion queue: `promotion_requests`, with the model statuses and `model_events` each step changes, every
/// step one transaction.
public struct PromotionRequestRepository: Sendable {
    let database: any PostgresDatabase

    /// What deciding a request did.
    public enum Decision: Sendable, Equatable {
        /// Decided: the request as it is now.
        case decided(PromotionRequest)
        /// No request has that id.
        case notFound
        /// The request was already decided or superseded; as it is.
        case notPending(PromotionRequest)
        /// Not approved: its shadow period is not complete and the approval was not forced; the request as it is.
        case shadowIncomplete(PromotionRequest, ShadowPeriod)
    }

    /// Puts model `modelID` in shadow with a pending request holding `metrics` and the champion it would replace,
    /// and logs `reason` as its `promotion_requested` event; returns the request's id.
    ///
    /// A pending request of the same sport and bet type is superseded first: one shadow model per market, the
    /// newest, since it was trained on the newest games.
    @discardableResult
    public func open(modelID: Int, championID: Int?, metrics: [String: Double], reason: String) async throws -> Int {
        try await database.withTransaction(isolation: #isolation) { tx in
            try await tx.promotionRequests.supersedePending(besides: modelID)
            _ = try await tx.query("UPDATE models SET status = 'shadow' WHERE id = \(modelID)")
            let id = try await tx.query(
                """
                INSERT INTO promotion_requests (model_id, champion_id, metrics)
                VALUES (\(modelID), \(championID), \(PostgresJSON(metrics))::jsonb)
                RETURNING id
                """
            ).returnedID()
            try await tx.modelReports.log(ModelEvent(modelID: modelID, kind: .promotionRequested, reason: reason, details: metrics))
            return id
        }
    }

    /// Supersedes the pending request of model `modelID`'s sport, bet type and publication, if another model has one: its model
    /// goes back to challenger with a `superseded` event. Returns the models superseded.
    ///
    /// A newer model's request replaces it; so does a newer model promoted without review, which an approval of the
    /// older one would otherwise replace.
    @discardableResult
    public func supersedePending(besides modelID: Int) async throws -> [Int] {
        try await database.withTransaction(isolation: #isolation) { tx in
            let superseded = try await tx.query(
                """
                UPDATE promotion_requests r SET status = 'superseded', decided_at = now(),
                       reason = 'superseded by model #' || \(modelID)::bigint
                FROM models m, models t
                WHERE r.status = 'pending' AND m.id = r.model_id AND t.id = \(modelID)
                  AND m.sport = t.sport AND m.bet_type = t.bet_type AND m.publication = t.publication AND m.id <> t.id
                RETURNING r.model_id
                """
            ).map { row in try row.decode(Int.self, "model_id") }
            for old in superseded {
                _ = try await tx.query("UPDATE models SET status = 'challenger' WHERE id = \(old) AND status = 'shadow'")
                try await tx.modelReports.log(
                    ModelEvent(modelID: old, kind: .superseded, reason: "Promotion request superseded by model #\(modelID)."))
            }
            return superseded
        }
    }

    /// The request with `id`.
    public func find(id: Int) async throws -> PromotionRequest? {
        try await database.query("SELECT * FROM promotion_requests WHERE id = \(id)").rows.first.map(Self.request)
    }

    /// The request of model `modelID`, if it ever had one.
    public func request(modelID: Int) async throws -> PromotionRequest? {
        try await database.query("SELECT * FROM promotion_requests WHERE model_id = \(modelID)").rows.first.map(Self.request)
    }

    /// The pending requests, oldest first.
    public func pending() async throws -> [PromotionRequest] {
        try await database.query("SELECT * FROM promotion_requests WHERE status = 'pending' ORDER BY requested_at, id").map(Self.request)
    }

    /// Approves a pending request whose shadow period has `requiredShadowGames` settled games, or any pending request
    /// when `force` is set: the model becomes champion (the champion of the day is retired, as every promotion does,
    /// so the rollback triggers can reinstate it) and a `promoted` event is logged; a forced approval before the
    /// period is complete says so in it.
    public func approve(id: Int, by admin: UUID?, requiredShadowGames: Int = 0, force: Bool = false) async throws -> Decision {
        try await decide(id: id) { tx, request in
            let period = ShadowPeriod(
                request, comparison: try await tx.shadowForecasts.comparison(modelID: request.modelID), requiredGames: requiredShadowGames)
            if !period.isComplete && !force { return .shadowIncomplete(request, period) }
            let note =
                period.isComplete
                ? "" : " Approved before its shadow period was complete (\(period.settledGames) of \(period.requiredGames) settled games)."
            _ = try await tx.query(
                "UPDATE promotion_requests SET status = 'approved', decided_at = now(), decided_by = \(admin) WHERE id = \(id)")
            let replaced: Int? = try await tx.query(
                """
                SELECT c.id FROM models c JOIN models m ON m.sport = c.sport AND m.bet_type = c.bet_type AND m.publication = c.publication
                WHERE m.id = \(request.modelID) AND c.status = 'champion'
                """
            ).rows.first?.decode("id")
            // The request's foreign key (ON DELETE CASCADE) and its row lock keep the model there to promote.
            try await tx.models.promote(id: request.modelID)
            var details = request.metrics
            if let replaced { details["champion_id"] = Double(replaced) }
            let champion = replaced.map { "replaces champion #\($0)" } ?? "there was no champion"
            try await tx.modelReports.log(
                ModelEvent(
                    modelID: request.modelID, kind: .promoted,
                    reason: "Promoted: promotion request #\(id) approved; \(champion).\(note)",
                    details: details))
            return nil
        }
    }

    /// Rejects a pending request: the model goes back to challenger, the champion stays, and `reason` is logged as
    /// a `rejected` event.
    public func reject(id: Int, reason: String, by admin: UUID?) async throws -> Decision {
        try await decide(id: id) { tx, request in
            _ = try await tx.query(
                """
                UPDATE promotion_requests SET status = 'rejected', decided_at = now(), decided_by = \(admin), reason = \(reason)
                WHERE id = \(id)
                """)
            _ = try await tx.query("UPDATE models SET status = 'challenger' WHERE id = \(request.modelID) AND status = 'shadow'")
            try await tx.modelReports.log(
                ModelEvent(modelID: request.modelID, kind: .rejected, reason: "Promotion request #\(id) rejected: \(reason)"))
            return nil
        }
    }

    /// Runs `body` on the pending request `id`, locked, in one transaction: what it returns, or `.decided` when it
    /// returns nil.
    private func decide(id: Int, _ body: (PostgresConnection, PromotionRequest) async throws -> Decision?) async throws -> Decision {
        try await database.withTransaction(isolation: #isolation) { tx in
            // Locked, so two admins deciding at once decide it once: the second sees it decided.
            guard
                let request = try await tx.query("SELECT * FROM promotion_requests WHERE id = \(id) FOR UPDATE").rows.first.map(
                    Self.request)
            else { return .notFound }
            guard request.status == .pending else { return .notPending(request) }
            if let refused = try await body(tx, request) { return refused }
            return .decided(try await tx.query("SELECT * FROM promotion_requests WHERE id = \(id)").rows.first.map(Self.request)!)
        }
    }

    static func request(_ row: PostgresRow) throws -> PromotionRequest {
        PromotionRequest(
            id: try row.decode("id"), modelID: try row.decode("model_id"), championID: try row.decode("champion_id"),
            status: try row.decode("status"), metrics: try row.decode(PostgresJSON<[String: Double]>.self, "metrics").value,
            reason: try row.decode("reason"), decidedBy: try row.decode("decided_by"), requestedAt: try row.decode("requested_at"),
            decidedAt: try row.decode("decided_at"))
    }
}
