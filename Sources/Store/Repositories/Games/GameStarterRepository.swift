import Foundation
import Postgres

/// Reads and writes `game_starters`, the announced starting pitchers in the order the platform saw them.
public struct GameStarterRepository: Sendable {
    let database: any PostgresDatabase


    /// Stores a sighting when it changes what was known: the team had no starter for the game seen by
    /// `firstSeenAt`, or another one. Seeing the same pitcher again writes nothing, so his row keeps the time
    /// he was first announced. Returns true when a row was written.
    @discardableResult
    public func record(_ starter: GameStarter) async throws -> Bool {
        try await database.query(
            """
            INSERT INTO game_starters (game_id, team_id, source, athlete_id, athlete_name, first_seen_at)
            SELECT \(starter.gameID), \(starter.teamID), \(starter.source), \(starter.athleteID), \(starter.athleteName),
                   \(starter.firstSeenAt)
            WHERE NOT EXISTS (
                SELECT 1 FROM (
                    SELECT athlete_id FROM game_starters
                    WHERE game_id = \(starter.gameID) AND team_id = \(starter.teamID) AND first_seen_at <= \(starter.firstSeenAt)
                    ORDER BY first_seen_at DESC, id DESC LIMIT 1
                ) latest
                WHERE latest.athlete_id = \(starter.athleteID))
            ON CONFLICT (game_id, team_id, first_seen_at) DO NOTHING
            """
        ).affectedRows == 1
    }

    /// The game's starters known before `asOf`: per team, the newest sighting first seen before it.
    public func starters(gameID: Int, asOf: Date) async throws -> [GameStarter] {
        try await database.query(
            """
            SELECT DISTINCT ON (team_id) * FROM game_starters
            WHERE game_id = \(gameID) AND first_seen_at < \(asOf)
            ORDER BY team_id, first_seen_at DESC, id DESC
            """
        ).map(Self.starter)
    }

    static func starter(_ row: PostgresRow) throws -> GameStarter {
        GameStarter(
            gameID: try row.decode("game_id"), teamID: try row.decode("team_id"), source: try row.decode("source"),
            athleteID: try row.decode("athlete_id"), athleteName: try row.decode("athlete_name"),
            firstSeenAt: try row.decode("first_seen_at"))
    }
}
