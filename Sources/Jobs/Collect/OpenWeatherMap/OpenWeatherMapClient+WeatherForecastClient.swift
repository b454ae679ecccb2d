import Foundation

extension OpenWeatherMapClient: WeatherForecastClient {
    /// The 5 day / 3 hour forecast; it always covers the next five days, whatever `period` asks.
    public func forecast(latitude: Double, longitude: Double, covering period: ClosedRange<Date>, now: Date) async throws
        -> UpstreamResponse
    {
        try await forecast(latitude: latitude, longitude: longitude, now: now)
    }

    /// Decodes the forecast in the units the client asks for.
    public func weather(from response: UpstreamResponse) throws -> HourlyWeather {
        try HourlyWeather(PayloadDecoder.decode(OpenWeatherMapForecast.self, from: response), units: Self.units, response: response)
    }
}
