import Foundation
import Postgres

/// Reads and writes `predictions`.
public struct PredictionRepository: Sendable {
    static let byHash = PreparedStatement(name: "predictions_by_hash", sql: "SELECT * FROM predictions WHERE prediction_hash = $1")

    let database: any PostgresDatabase

    /// Stores a prediction; a prediction with the same hash is kept as it is. Returns the stored id, or `nil`
    /// when the same model already made the same publication of the game's market (publications are immutable:
    /// the earlier row stays as it was).
    ///
    /// A published prediction is appended to its sport's ``PredictionChain`` in the same transaction, under the
    /// sport's chain lock. Should the chain's head have been published later than `prediction` (a run that started
    /// earlier finishing later), `prediction` is published at the head's time, its content hash taken again, so the
    /// chain stays in publication order.
    @discardableResult
    public func insert(_ prediction: Prediction) async throws -> Int? {
        // Any unique conflict (the same hash, or a publication already made) stores nothing; the same row again
        // still answers with its id.
        var stored = (id: Int?.none, hash: prediction.predictionHash)
        if prediction.publishedAt == nil {
            stored.id = try await Self.insertRow(prediction, position: nil, link: nil, on: database)
        } else {
            stored = try await database.withTransaction(isolation: #isolation) { connection in
                try await Self.appendToChain(prediction, on: connection)
            }
        }
        if let id = stored.id { return id }
        return try await database.execute(Self.byHash, stored.hash).rows.first.map { try $0.decode(Int.self, "id") }
    }

    /// Inserts `prediction` at the next position of its sport's chain; returns its id (`nil` on a conflict, which
    /// takes no position) and the content hash it was stored with. Run it in a transaction.
    private static func appendToChain(_ prediction: Prediction, on connection: PostgresConnection) async throws -> (id: Int?, hash: String) {
        var p = prediction
        // Held to the end of the transaction: a second run publishing the sport's predictions waits here, then
        // reads the head this one appended, so the chain never forks.
        _ = try await connection.query(
            "SELECT pg_advisory_xact_lock(\(PredictionChain.lockNamespace)::int, hashtext(\(p.sport)))")
        let head = try await connection.query(
            """
            SELECT chain_position, chain_hash, published_at FROM predictions
            WHERE sport = \(p.sport) AND chain_position IS NOT NULL
            ORDER BY chain_position DESC LIMIT 1
            """
        ).rows.first
        if let head, let publishedAt = p.publishedAt, try head.decode(Date.self, "published_at") > publishedAt {
            p.publishedAt = try head.decode(Date.self, "published_at")
            p.predictionHash = PredictionFingerprint.hash(of: p)
        }
        let link = PredictionChain.link(
            previous: try head?.decode(String.self, "chain_hash") ?? PredictionChain.genesis, publishedAt: p.publishedAt!,
            predictionHash: p.predictionHash)
        let position = (try head?.decode(Int.self, "chain_position") ?? 0) + 1
        return (try await insertRow(p, position: position, link: link, on: connection), p.predictionHash)
    }

    /// Inserts the row unless a unique conflict stops it; returns its id, or `nil` on a conflict.
    private static func insertRow(_ p: Prediction, position: Int?, link: String?, on database: any PostgresDatabase) async throws -> Int? {
        try await database.query(
            """
            INSERT INTO predictions (game_id, model_id, sport, bet_type, selection, line, probability,
                                     component_probabilities, price, edge, tier, stake, pick, bookmaker, publication,
                                     published_at, hash_version, prediction_hash, chain_position, chain_hash)
            VALUES (\(p.gameID), \(p.modelID), \(p.sport), \(p.betType), \(p.selection), \(p.line), \(p.probability),
                    \(PostgresJSON(p.componentProbabilities))::jsonb, \(p.price), \(p.edge), \(p.tier), \(p.stake),
                    \(p.pick), \(p.bookmaker), \(p.publication), \(p.publishedAt), \(p.hashVersion), \(p.predictionHash),
                    \(position), \(link))
            ON CONFLICT DO NOTHING
            RETURNING id
            """
        ).first.map { try $0.decode(Int.self, "id") }
    }

    /// The prediction with `id`.
    public func find(id: Int) async throws -> Prediction? {
        try await database.query("SELECT * FROM predictions WHERE id = \(id)").rows.first.map(Self.prediction)
    }

    /// The prediction with this hash (for verification).
    public func find(hash: String) async throws -> Prediction? {
        try await database.execute(Self.byHash, hash).rows.first.map(Self.prediction)
    }

    /// The pending predictions of a game, for settlement.
    public func pending(gameID: Int) async throws -> [Prediction] {
        try await database.query(
            "SELECT * FROM predictions WHERE game_id = \(gameID) AND status = 'pending' ORDER BY id"
        ).map(Self.prediction)
    }

    /// Predictions of `sport` made in `from..<to`, optionally of one tier, newest first.
    public func predictions(sport: String, from: Date, to: Date, tier: SignalTier? = nil) async throws -> [Prediction] {
        try await database.query(
            """
            SELECT * FROM predictions
            WHERE sport = \(sport) AND created_at >= \(from) AND created_at < \(to)
              AND (\(tier)::text IS NULL OR tier = \(tier))
            ORDER BY created_at DESC, id DESC
            """
        ).map(Self.prediction)
    }

    /// Grades a pending prediction; returns false if it is not pending (already settled or void).
    @discardableResult
    public func settle(id: Int, _ settlement: PredictionSettlement, at settledAt: Date = Date()) async throws -> Bool {
        try await database.query(
            """
            UPDATE predictions SET status = 'settled', result = \(settlement.result),
                closing_price = \(settlement.closingPrice), clv = \(settlement.clv), fair_clv = \(settlement.fairCLV),
                profit = \(settlement.profit),
                sharp_agreement = \(settlement.sharpAgreement), settled_at = \(settledAt)
            WHERE id = \(id) AND status = 'pending'
            """
        ).affectedRows == 1
    }

    /// Voids a pending prediction; returns false if it is not pending.
    @discardableResult
    public func void(id: Int, at settledAt: Date = Date()) async throws -> Bool {
        try await database.query(
            "UPDATE predictions SET status = 'void', settled_at = \(settledAt) WHERE id = \(id) AND status = 'pending'"
        ).affectedRows == 1
    }

    /// The prediction in a row that has every column of `predictions` (readers joining more columns use it too).
    public static func prediction(_ row: PostgresRow) throws -> Prediction {
        Prediction(
            id: try row.decode("id"), gameID: try row.decode("game_id"), modelID: try row.decode("model_id"),
            sport: try row.decode("sport"), betType: try row.decode("bet_type"), selection: try row.decode("selection"),
            line: try row.decode("line"), probability: try row.decode("probability"),
            componentProbabilities: try row.decode(PostgresJSON<[String: Double]>.self, "component_probabilities").value,
            price: try row.decode("price"), edge: try row.decode("edge"), tier: try row.decode("tier"),
            stake: try row.decode("stake"), pick: try row.decode("pick"), bookmaker: try row.decode("bookmaker"),
            publication: try row.decode("publication"), publishedAt: try row.decode("published_at"),
            hashVersion: try row.decode("hash_version"), predictionHash: try row.decode("prediction_hash"),
            status: try row.decode("status"), result: try row.decode("result"),
            closingPrice: try row.decode("closing_price"), clv: try row.decode("clv"),
            fairCLV: try row.decode("fair_clv"), profit: try row.decode("profit"),
            sharpAgreement: try row.decode("sharp_agreement"), createdAt: try row.decode("created_at"), settledAt: try row.decode("settled_at"))
    }
}
