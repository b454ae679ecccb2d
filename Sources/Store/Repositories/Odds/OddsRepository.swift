import Foundation
import Postgres

/// Appends and reads `odds` snapshots.
public struct OddsRepository: Sendable {
    static let insertOne = PreparedStatement(
        name: "odds_insert",
        sql: """
            INSERT INTO odds (game_id, sport, bookmaker, market, outcome, price, point, recorded_at, is_backfill)
            SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 WHERE EXISTS (SELECT 1 FROM games WHERE id = $1)
            """)
    static let missingGames = PreparedStatement(
        name: "odds_missing_games",
        sql: """
            SELECT array_agg(u.id ORDER BY u.id) AS missing
            FROM unnest($1::bigint[]) AS u(id)
            WHERE NOT EXISTS (SELECT 1 FROM games g WHERE g.id = u.id)
            """)
    static let copyStatement =
        "COPY odds (game_id, sport, bookmaker, market, outcome, price, point, recorded_at, is_backfill) FROM STDIN"

    let database: any PostgresDatabase


    /// Bulk-loads snapshots with one `COPY FROM STDIN`; returns the rows written.
    ///
    /// `odds` has no per-row foreign key (migration 6), so the batch's game ids are checked here, once:
    /// a snapshot of an unknown game fails the whole batch with SQLSTATE 23503.
    @discardableResult
    public func insert(_ snapshots: [OddsSnapshot]) async throws -> Int {
        guard !snapshots.isEmpty else { return 0 }
        try await requireGames(Array(Set(snapshots.map(\.gameID))))
        return try await database.copy(Self.copyRows(snapshots), using: Self.copyStatement)
    }

    /// The COPY text `insert(_:)` sends for `snapshots`, in the columns of its `COPY odds (…)`.
    ///
    /// Public so the store benchmark can time the client's share of a bulk load (encoding, no I/O) on the same code.
    public static func copyRows(_ snapshots: some Collection<OddsSnapshot>) throws -> PostgresCopyBuffer {
        var rows = PostgresCopyBuffer(capacity: snapshots.count * 96)
        for snapshot in snapshots {
            rows.append(snapshot.gameID)
            try rows.append(snapshot.sport)
            try rows.append(snapshot.bookmaker)
            try rows.append(snapshot.market)
            try rows.append(snapshot.outcome)
            rows.append(snapshot.price)
            rows.append(snapshot.point)
            rows.append(snapshot.recordedAt)
            rows.append(snapshot.isBackfill)
            rows.endRow()
        }
        return rows
    }

    /// Inserts one snapshot with a prepared `INSERT` (a round trip per row; prefer `insert(_:)` for batches).
    public func insert(_ snapshot: OddsSnapshot) async throws {
        let inserted = try await database.execute(
            Self.insertOne, snapshot.gameID, snapshot.sport, snapshot.bookmaker, snapshot.market, snapshot.outcome,
            snapshot.price, snapshot.point, snapshot.recordedAt, snapshot.isBackfill)
        if inserted.affectedRows == 0 { throw Self.unknownGames([snapshot.gameID]) }
    }

    private func requireGames(_ gameIDs: [Int]) async throws {
        let missing = try await database.execute(Self.missingGames, gameIDs).first?.decode([Int]?.self, "missing")
        if let missing, !missing.isEmpty { throw Self.unknownGames(missing) }
    }

    private static func unknownGames(_ gameIDs: [Int]) -> StoreError {
        StoreError(
            .invalidInput, sqlState: "23503",
            message: "odds reference games that do not exist: \(gameIDs.prefix(20).map(String.init).joined(separator: ", "))")
    }

    /// The latest price of every book, market and outcome of a game as of `asOf`, among the snapshots
    /// recorded in the `lookback` seconds before it (a line not offered in that window was pulled).
    ///
    /// The window keeps the read proportional to recent snapshots, not to the game's whole history.
    public func latest(gameID: Int, asOf: Date = Date(), lookback: TimeInterval = 86_400) async throws -> [OddsSnapshot] {
        try await latest(for: [GameAsOf(gameID: gameID, asOf: asOf)], lookback: lookback)[gameID] ?? []
    }

    /// `latest(gameID:asOf:lookback:)` for many games at once, each at its own point in time, in one query;
    /// by game. Ask for each game once (two points in time of one game would be merged).
    public func latest(for requests: [GameAsOf], lookback: TimeInterval = 86_400) async throws -> [Int: [OddsSnapshot]] {
        guard !requests.isEmpty else { return [:] }
        let snapshots = try await database.query(
            """
            SELECT DISTINCT ON (o.game_id, o.market, o.bookmaker, o.outcome) o.*
            FROM unnest(\(requests.map(\.gameID))::bigint[], \(requests.map(\.asOf))::timestamptz[]) AS r(game_id, as_of)
            JOIN odds o ON o.game_id = r.game_id AND o.recorded_at > r.as_of - make_interval(secs => \(lookback))
                       AND o.recorded_at <= r.as_of
            ORDER BY o.game_id, o.market, o.bookmaker, o.outcome, o.recorded_at DESC
            """
        ).map(Self.snapshot)
        return Dictionary(grouping: snapshots, by: \.gameID)
    }

    /// The time of each game's first price (its market's open, as far as the platform saw it); games without a
    /// price are absent.
    public func firstRecordedAt(gameIDs: [Int]) async throws -> [Int: Date] {
        guard !gameIDs.isEmpty else { return [:] }
        return try await database.dictionary(
            "SELECT game_id, min(recorded_at) AS first FROM odds WHERE game_id = ANY(\(gameIDs)::bigint[]) GROUP BY game_id",
            key: "game_id", value: "first")
    }

    /// The time of the latest snapshot per sport (the seed's freshness query); sports without odds are absent.
    public func latestRecordedAtBySport() async throws -> [String: Date] {
        // One index probe per sport on odds (sport, recorded_at DESC) instead of a scan of all odds.
        try await database.dictionary(
            """
            SELECT s.sport, latest.recorded_at
            FROM (SELECT DISTINCT sport FROM games) s
            CROSS JOIN LATERAL (
                SELECT o.recorded_at FROM odds o WHERE o.sport = s.sport ORDER BY o.recorded_at DESC LIMIT 1
            ) latest
            """, key: "sport", value: "recorded_at")
    }

    static func snapshot(_ row: PostgresRow) throws -> OddsSnapshot {
        OddsSnapshot(
            gameID: try row.decode("game_id"), sport: try row.decode("sport"), bookmaker: try row.decode("bookmaker"),
            market: try row.decode("market"), outcome: try row.decode("outcome"), price: try row.decode("price"),
            point: try row.decode("point"), recordedAt: try row.decode("recorded_at"),
            isBackfill: try row.decode("is_backfill"))
    }
}
