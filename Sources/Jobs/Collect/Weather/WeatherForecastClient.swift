import Foundation

/// A forecast upstream `collect.weather` can use: Open-Meteo (the default) or OpenWeatherMap.
public protocol WeatherForecastClient: Sendable {
    /// Fetches the forecast at a point, covering at least the instants in `period` where the upstream's
    /// horizon reaches (games beyond it get no row).
    func forecast(latitude: Double, longitude: Double, covering period: ClosedRange<Date>, now: Date) async throws -> UpstreamResponse
    /// Validates a fetched forecast and converts it to UTC steps in metric units.
    func weather(from response: UpstreamResponse) throws -> HourlyWeather
}
