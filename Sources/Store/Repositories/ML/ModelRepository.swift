import Essentials
import Foundation
import Postgres

/// The model registry: `models`.
public struct ModelRepository: Sendable {
    let database: any PostgresDatabase


    /// Registers a model (as a challenger unless stated otherwise); returns its id.
    @discardableResult
    public func register(_ model: RegisteredModel) async throws -> Int {
        try await database.query(
            """
            INSERT INTO models (name, version, sport, bet_type, publication, status, feature_set_version, training_start,
                                training_end, hyperparameters, metrics, artifact, artifact_sha256)
            VALUES (\(model.name), \(model.version), \(model.sport), \(model.betType), \(model.publication), \(model.status),
                    \(model.featureSetVersion), \(model.trainingStart), \(model.trainingEnd),
                    \(PostgresJSON(model.hyperparameters))::jsonb, \(PostgresJSON(model.metrics))::jsonb,
                    \(model.artifact), \(model.artifactSHA256))
            RETURNING id
            """
        ).returnedID()
    }

    /// The model with `id`.
    public func find(id: Int) async throws -> RegisteredModel? {
        try await database.query("SELECT * FROM models WHERE id = \(id)").rows.first.map(Self.model)
    }

    /// The champion for a sport, bet type and publication, if any.
    public func champion(sport: String, betType: BetType, publication: PredictionPublication) async throws -> RegisteredModel? {
        try await database.query(
            """
            SELECT * FROM models
            WHERE sport = \(sport) AND bet_type = \(betType) AND publication = \(publication) AND status = 'champion'
            """
        ).rows.first.map(Self.model)
    }

    /// The model in shadow under a pending promotion request for a sport, bet type and publication, if any (there is
    /// at most one: a newer request supersedes the older).
    public func shadow(sport: String, betType: BetType, publication: PredictionPublication) async throws -> RegisteredModel? {
        try await database.query(
            """
            SELECT * FROM models
            WHERE sport = \(sport) AND bet_type = \(betType) AND publication = \(publication) AND status = 'shadow'
            ORDER BY id DESC LIMIT 1
            """
        ).rows.first.map(Self.model)
    }

    /// Every model for a sport and bet type, newest first.
    public func models(sport: String, betType: BetType) async throws -> [RegisteredModel] {
        try await database.query(
            "SELECT * FROM models WHERE sport = \(sport) AND bet_type = \(betType) ORDER BY created_at DESC, id DESC"
        ).map(Self.model)
    }

    /// The newest model registered under `name`, if any.
    public func latest(name: String) async throws -> RegisteredModel? {
        try await database.query(
            "SELECT * FROM models WHERE name = \(name) ORDER BY version DESC LIMIT 1"
        ).rows.first.map(Self.model)
    }

    /// The version the next model registered under `name` gets.
    public func nextVersion(name: String) async throws -> Int {
        let current: Int? = try await database.query(
            "SELECT max(version)::bigint AS version FROM models WHERE name = \(name)"
        ).rows.first?.decode("version")
        return (current ?? 0) + 1
    }

    /// Adds metric `name` to a model's metrics unless it has one by that name; returns false if it had (or no
    /// such model exists).
    @discardableResult
    public func recordMetric(id: Int, name: String, value: Double) async throws -> Bool {
        try await database.query(
            """
            UPDATE models SET metrics = metrics || jsonb_build_object(\(name)::text, \(value)::float8)
            WHERE id = \(id) AND NOT metrics ? \(name)
            """
        ).affectedRows == 1
    }

    /// Every champion.
    public func champions() async throws -> [RegisteredModel] {
        try await database.query("SELECT * FROM models WHERE status = 'champion' ORDER BY sport, bet_type, publication").map(Self.model)
    }

    /// Makes the model champion of its sport, bet type and publication and retires the previous champion, atomically;
    /// returns false if there is no such model.
    @discardableResult
    public func promote(id: Int) async throws -> Bool {
        try await database.withTransaction(isolation: #isolation) { connection in
            // Retire first: the unique index allows one champion per sport, bet type and publication at every moment.
            _ = try await connection.query(
                """
                UPDATE models m SET status = 'retired', retired_at = now()
                FROM models t
                WHERE t.id = \(id) AND m.sport = t.sport AND m.bet_type = t.bet_type AND m.publication = t.publication
                  AND m.status = 'champion'
                  AND m.id <> t.id
                """)
            return try await connection.query(
                "UPDATE models SET status = 'champion', promoted_at = now(), retired_at = NULL WHERE id = \(id)"
            ).affectedRows == 1
        }
    }

    /// Retires a model; returns false if there is no such model.
    @discardableResult
    public func retire(id: Int) async throws -> Bool {
        try await database.query(
            "UPDATE models SET status = 'retired', retired_at = now() WHERE id = \(id)"
        ).affectedRows == 1
    }

    static func model(_ row: PostgresRow) throws -> RegisteredModel {
        RegisteredModel(
            id: try row.decode("id"), name: try row.decode("name"), version: try row.decode("version"),
            sport: try row.decode("sport"), betType: try row.decode("bet_type"), publication: try row.decode("publication"), status: try row.decode("status"),
            featureSetVersion: try row.decode("feature_set_version"), trainingStart: try row.decode("training_start"),
            trainingEnd: try row.decode("training_end"),
            hyperparameters: try row.decode(PostgresJSON<[String: JSONValue]>.self, "hyperparameters").value,
            metrics: try row.decode(PostgresJSON<[String: Double]>.self, "metrics").value,
            artifact: try row.decode("artifact"), createdAt: try row.decode("created_at"),
            promotedAt: try row.decode("promoted_at"), retiredAt: try row.decode("retired_at"))
    }
}
