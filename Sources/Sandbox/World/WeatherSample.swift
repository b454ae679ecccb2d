/// The weather at one place and hour of the world, in metric units.
public struct WeatherSample: Sendable, Equatable {
    /// Air temperature at 2 m, °C.
    public let temperatureC: Double
    /// Relative humidity at 2 m, %.
    public let humidityPercent: Double
    /// Wind speed at 10 m, km/h.
    public let windSpeedKPH: Double
    /// Wind direction at 10 m, degrees.
    public let windDirectionDegrees: Double
    /// Wind gusts at 10 m, km/h.
    public let windGustsKPH: Double
    /// Precipitation in the hour, mm.
    public let precipitationMM: Double
    /// Probability of precipitation, %.
    public let precipitationProbability: Int
    /// The WMO weather code.
    public let weatherCode: Int
}
