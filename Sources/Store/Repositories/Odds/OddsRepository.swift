import Foundation

/// Appends and reads `odds` snapshots.
public struct OddsRepository: Sendable {
    static let insertOne = PreparedStatement(
        name: "odds_insert",
        sql: """
            INSERT INTO odds (game_id, sport, bookmaker, market, outcome, price, point, recorded_at, is_backfill)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """)
    static let latestForGame = PreparedStatement(
        name: "odds_latest_for_game",
        sql: """
            SELECT DISTINCT ON (market, bookmaker, outcome) *
            FROM odds WHERE game_id = $1
            ORDER BY market, bookmaker, outcome, recorded_at DESC
            """)
    static let copyStatement =
        "COPY odds (game_id, sport, bookmaker, market, outcome, price, point, recorded_at, is_backfill) FROM STDIN"

    private let database: any PostgresDatabase

    /// A repository over `database` (a pool, or a connection inside a transaction).
    public init(database: any PostgresDatabase) {
        self.database = database
    }

    /// Bulk-loads snapshots with one `COPY FROM STDIN`; returns the rows written.
    @discardableResult
    public func insert(_ snapshots: [OddsSnapshot]) async throws -> Int {
        guard !snapshots.isEmpty else { return 0 }
        var rows = PostgresCopyBuffer(capacity: snapshots.count * 96)
        for snapshot in snapshots {
            rows.append(snapshot.gameID)
            try rows.append(snapshot.sport)
            try rows.append(snapshot.bookmaker)
            try rows.append(snapshot.market)
            try rows.append(snapshot.outcome)
            try rows.append(snapshot.price)
            try rows.append(snapshot.point)
            try rows.append(snapshot.recordedAt)
            try rows.append(snapshot.isBackfill)
            rows.endRow()
        }
        return try await database.copy(rows, using: Self.copyStatement)
    }

    /// Inserts one snapshot with a prepared `INSERT` (a round trip per row; prefer `insert(_:)` for batches).
    public func insert(_ snapshot: OddsSnapshot) async throws {
        _ = try await database.execute(
            Self.insertOne, snapshot.gameID, snapshot.sport, snapshot.bookmaker, snapshot.market, snapshot.outcome,
            snapshot.price, snapshot.point, snapshot.recordedAt, snapshot.isBackfill)
    }

    /// The latest price of every book, market and outcome of a game.
    public func latest(gameID: Int) async throws -> [OddsSnapshot] {
        try await database.execute(Self.latestForGame, gameID).map(Self.snapshot)
    }

    /// The time of the latest snapshot per sport (the seed's freshness query); sports without odds are absent.
    public func latestRecordedAtBySport() async throws -> [String: Date] {
        // One index probe per sport on odds (sport, recorded_at DESC) instead of a scan of all odds.
        let result = try await database.query(
            """
            SELECT s.sport, latest.recorded_at
            FROM (SELECT DISTINCT sport FROM games) s
            CROSS JOIN LATERAL (
                SELECT o.recorded_at FROM odds o WHERE o.sport = s.sport ORDER BY o.recorded_at DESC LIMIT 1
            ) latest
            """)
        var latest: [String: Date] = [:]
        for row in result.rows {
            latest[try row.decode("sport")] = try row.decode(Date.self, "recorded_at")
        }
        return latest
    }

    static func snapshot(_ row: PostgresRow) throws -> OddsSnapshot {
        OddsSnapshot(
            gameID: try row.decode("game_id"), sport: try row.decode("sport"), bookmaker: try row.decode("bookmaker"),
            market: try row.decode("market"), outcome: try row.decode("outcome"), price: try row.decode("price"),
            point: try row.decode("point"), recordedAt: try row.decode("recorded_at"),
            isBackfill: try row.decode("is_backfill"))
    }
}
