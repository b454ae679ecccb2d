import Foundation
import Postgres

/// `pitcher_game_lines`: starting pitchers' box-score lines, stored once per game and pitcher.
public struct PitcherGameLineRepository: Sendable {
    let database: any PostgresDatabase

    /// Stores box-score lines; a pitcher already stored for the game is left as he was (a box score is read once the
    /// game is final). Returns the rows written.
    @discardableResult
    public func insert(_ lines: [PitcherGameLine]) async throws -> Int {
        try await database.write(lines) {
            """
            INSERT INTO pitcher_game_lines (game_id, athlete_id, team_id, outs, strikeouts, walks, earned_runs)
            SELECT * FROM unnest(
                \(lines.map(\.gameID))::bigint[], \(lines.map(\.athleteID))::text[], \(lines.map(\.teamID))::bigint[],
                \(lines.map(\.outs))::integer[], \(lines.map(\.strikeouts))::integer[], \(lines.map(\.walks))::integer[],
                \(lines.map(\.earnedRuns))::integer[])
            ON CONFLICT DO NOTHING
            """
        }
    }

    static func line(_ row: PostgresRow) throws -> PitcherGameLine {
        PitcherGameLine(
            gameID: try row.decode("game_id"), scheduledAt: try row.decode("scheduled_at"), athleteID: try row.decode("athlete_id"),
            teamID: try row.decode("team_id"), outs: try row.decode("outs"), strikeouts: try row.decode("strikeouts"),
            walks: try row.decode("walks"), earnedRuns: try row.decode("earned_runs"))
    }
}
