import Foundation
import Postgres

/// Reads and writes `statcast`.
public struct StatcastRepository: Sendable {
    let database: any PostgresDatabase


    /// Stores a batch of pitches in one statement, replacing pitches already stored; returns the rows written.
    @discardableResult
    public func upsert(_ pitches: [StatcastPitch]) async throws -> Int {
        try await database.write(pitches) {
            """
            INSERT INTO statcast (game_id, game_pk, game_date, at_bat_number, pitch_number, batter_id, pitcher_id,
                                  pitch_type, release_speed_mph, spin_rate_rpm, launch_speed_mph,
                                  launch_angle_degrees, events, description, expected_woba, batter_name)
            SELECT * FROM unnest(
                \(pitches.map(\.gameID))::bigint[], \(pitches.map(\.gamePK))::bigint[],
                \(pitches.map(\.gameDate))::timestamptz[]::date[], \(pitches.map(\.atBatNumber))::int[],
                \(pitches.map(\.pitchNumber))::int[], \(pitches.map(\.batterID))::bigint[],
                \(pitches.map(\.pitcherID))::bigint[], \(pitches.map(\.pitchType))::text[],
                \(pitches.map(\.releaseSpeedMPH))::float8[], \(pitches.map(\.spinRateRPM))::float8[],
                \(pitches.map(\.launchSpeedMPH))::float8[], \(pitches.map(\.launchAngleDegrees))::float8[],
                \(pitches.map(\.events))::text[], \(pitches.map(\.description))::text[],
                \(pitches.map(\.expectedWOBA))::float8[], \(pitches.map(\.batterName))::text[])
            ON CONFLICT (game_pk, at_bat_number, pitch_number) DO UPDATE SET
                game_id = EXCLUDED.game_id, game_date = EXCLUDED.game_date, batter_id = EXCLUDED.batter_id,
                pitcher_id = EXCLUDED.pitcher_id, pitch_type = EXCLUDED.pitch_type,
                release_speed_mph = EXCLUDED.release_speed_mph, spin_rate_rpm = EXCLUDED.spin_rate_rpm,
                launch_speed_mph = EXCLUDED.launch_speed_mph, launch_angle_degrees = EXCLUDED.launch_angle_degrees,
                events = EXCLUDED.events, description = EXCLUDED.description, expected_woba = EXCLUDED.expected_woba,
                batter_name = coalesce(EXCLUDED.batter_name, statcast.batter_name)
            """
        }
    }

    /// The pitches of one MLB game, in order.
    public func pitches(gamePK: Int) async throws -> [StatcastPitch] {
        try await database.query(
            "SELECT * FROM statcast WHERE game_pk = \(gamePK) ORDER BY at_bat_number, pitch_number"
        ).map { row in
            StatcastPitch(
                gameID: try row.decode("game_id"), gamePK: try row.decode("game_pk"), gameDate: try row.decode("game_date"),
                atBatNumber: try row.decode("at_bat_number"), pitchNumber: try row.decode("pitch_number"),
                batterID: try row.decode("batter_id"), pitcherID: try row.decode("pitcher_id"),
                pitchType: try row.decode("pitch_type"), releaseSpeedMPH: try row.decode("release_speed_mph"),
                spinRateRPM: try row.decode("spin_rate_rpm"), launchSpeedMPH: try row.decode("launch_speed_mph"),
                launchAngleDegrees: try row.decode("launch_angle_degrees"), events: try row.decode("events"),
                description: try row.decode("description"), expectedWOBA: try row.decode("expected_woba"),
                batterName: try row.decode("batter_name"))
        }
    }
}
