import Foundation
import Postgres

/// Reads and writes `games`.
public struct GameRepository: Sendable {
    /// The point read by id, prepared once per connection.
    static let byID = PreparedStatement(name: "games_by_id", sql: "SELECT * FROM games WHERE id = $1")

    let database: any PostgresDatabase


    /// Inserts the game or updates schedule, status and scores by (sport, external id); returns its id. Innings
    /// already known are kept when `game` has none (a writer without a line score does not erase them).
    @discardableResult
    public func upsert(_ game: Game) async throws -> Int {
        let result = try await database.query(
            """
            INSERT INTO games (sport, external_id, season, home_team_id, away_team_id, scheduled_at, status,
                               home_score, away_score, is_neutral_site, innings)
            VALUES (\(game.sport), \(game.externalID), \(game.season), \(game.homeTeamID), \(game.awayTeamID),
                    \(game.scheduledAt), \(game.status), \(game.homeScore), \(game.awayScore), \(game.isNeutralSite),
                    \(game.innings))
            ON CONFLICT (sport, external_id) DO UPDATE SET
                season = EXCLUDED.season, home_team_id = EXCLUDED.home_team_id, away_team_id = EXCLUDED.away_team_id,
                scheduled_at = EXCLUDED.scheduled_at, status = EXCLUDED.status, home_score = EXCLUDED.home_score,
                away_score = EXCLUDED.away_score, is_neutral_site = EXCLUDED.is_neutral_site,
                innings = coalesce(EXCLUDED.innings, games.innings), updated_at = now()
            RETURNING id
            """)
        return try result.returnedID()
    }

    /// The game with `id` (a prepared point read).
    public func find(id: Int) async throws -> Game? {
        try await database.execute(Self.byID, id).rows.first.map(Self.game)
    }

    /// The game of `sport` with the source id `externalID`.
    public func find(sport: String, externalID: String) async throws -> Game? {
        try await database.query("SELECT * FROM games WHERE sport = \(sport) AND external_id = \(externalID)")
            .rows.first.map(Self.game)
    }

    /// Games of `sport` scheduled in `from..<to`, in start order.
    public func games(sport: String, from: Date, to: Date) async throws -> [Game] {
        try await database.query(
            """
            SELECT * FROM games WHERE sport = \(sport) AND scheduled_at >= \(from) AND scheduled_at < \(to)
            ORDER BY scheduled_at, id
            """
        ).map(Self.game)
    }

    /// Games of `sport` scheduled in `from..<to` that have no odds at all (the seed's "missing games" check).
    public func gamesWithoutOdds(sport: String, from: Date, to: Date) async throws -> [Game] {
        try await database.query(
            """
            SELECT g.* FROM games g
            WHERE g.sport = \(sport) AND g.scheduled_at >= \(from) AND g.scheduled_at < \(to)
              AND NOT EXISTS (SELECT 1 FROM odds o WHERE o.game_id = g.id)
            ORDER BY g.scheduled_at, g.id
            """
        ).map(Self.game)
    }

    /// Sets a game's status and scores; returns false if there is no such game.
    @discardableResult
    public func updateResult(id: Int, status: GameStatus, homeScore: Int?, awayScore: Int?) async throws -> Bool {
        try await database.query(
            """
            UPDATE games SET status = \(status), home_score = \(homeScore), away_score = \(awayScore), updated_at = now()
            WHERE id = \(id)
            """
        ).affectedRows == 1
    }

    static func game(_ row: PostgresRow) throws -> Game {
        Game(
            id: try row.decode("id"), sport: try row.decode("sport"), externalID: try row.decode("external_id"),
            season: try row.decode("season"), homeTeamID: try row.decode("home_team_id"),
            awayTeamID: try row.decode("away_team_id"), scheduledAt: try row.decode("scheduled_at"),
            status: try row.decode("status"), homeScore: try row.decode("home_score"),
            awayScore: try row.decode("away_score"), isNeutralSite: try row.decode("is_neutral_site"),
            innings: try row.decode("innings"))
    }
}
