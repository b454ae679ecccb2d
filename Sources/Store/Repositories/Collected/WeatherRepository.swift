import Foundation
import Postgres

/// Reads and writes `weather`.
public struct WeatherRepository: Sendable {
    let database: any PostgresDatabase


    /// Stores an observation, replacing one from the same source at the same time.
    public func record(_ weather: WeatherObservation) async throws {
        _ = try await database.query(
            """
            INSERT INTO weather (game_id, source, observed_at, forecast_for, temperature_c, wind_speed_kph,
                                 wind_direction_degrees, precipitation_mm, precipitation_probability, humidity_percent,
                                 conditions)
            VALUES (\(weather.gameID), \(weather.source), \(weather.observedAt), \(weather.forecastFor),
                    \(weather.temperatureC), \(weather.windSpeedKPH), \(weather.windDirectionDegrees),
                    \(weather.precipitationMM), \(weather.precipitationProbability), \(weather.humidityPercent),
                    \(weather.conditions))
            ON CONFLICT (game_id, source, observed_at) DO UPDATE SET
                forecast_for = EXCLUDED.forecast_for, temperature_c = EXCLUDED.temperature_c,
                wind_speed_kph = EXCLUDED.wind_speed_kph, wind_direction_degrees = EXCLUDED.wind_direction_degrees,
                precipitation_mm = EXCLUDED.precipitation_mm,
                precipitation_probability = EXCLUDED.precipitation_probability,
                humidity_percent = EXCLUDED.humidity_percent, conditions = EXCLUDED.conditions
            """)
    }

    /// The latest observation for a game made at or before `asOf` (point in time for features; any time when `nil`).
    public func latest(gameID: Int, asOf: Date? = nil) async throws -> WeatherObservation? {
        try await database.query(
            """
            SELECT * FROM weather WHERE game_id = \(gameID) AND observed_at <= coalesce(\(asOf)::timestamptz, 'infinity')
            ORDER BY observed_at DESC LIMIT 1
            """
        ).rows.first.map(Self.observation)
    }

    /// The observation in a row of `weather` (the feature reader's per-game rows use it too).
    static func observation(_ row: PostgresRow) throws -> WeatherObservation {
        WeatherObservation(
            gameID: try row.decode("game_id"), source: try row.decode("source"),
            observedAt: try row.decode("observed_at"), forecastFor: try row.decode("forecast_for"),
            temperatureC: try row.decode("temperature_c"), windSpeedKPH: try row.decode("wind_speed_kph"),
            windDirectionDegrees: try row.decode("wind_direction_degrees"),
            precipitationMM: try row.decode("precipitation_mm"),
            precipitationProbability: try row.decode("precipitation_probability"),
            humidityPercent: try row.decode("humidity_percent"), conditions: try row.decode("conditions"))
    }
}
