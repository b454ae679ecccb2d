import Foundation

extension OpenMeteoClient: WeatherForecastClient {
    /// The forecast for the UTC days of `period`.
    public func forecast(latitude: Double, longitude: Double, covering period: ClosedRange<Date>, now: Date) async throws
        -> UpstreamResponse
    {
        try await forecast(
            latitude: latitude, longitude: longitude, from: UpstreamTime.isoDay(period.lowerBound),
            to: UpstreamTime.isoDay(period.upperBound),
            now: now)
    }

    /// Decodes Open-Meteo's hourly body (forecast or archive).
    public func weather(from response: UpstreamResponse) throws -> HourlyWeather {
        try HourlyWeather(PayloadDecoder.decode(OpenMeteoForecast.self, from: response), response: response)
    }
}
