import Foundation

/// The weather at a game's venue, observed or forecast at `observedAt` for `forecastFor`.
public struct WeatherObservation: Sendable, Equatable {
    /// The game.
    public var gameID: Int
    /// The weather source.
    public var source: String
    /// When the source issued this observation or forecast.
    public var observedAt: Date
    /// The time the weather is for (usually the start of the game).
    public var forecastFor: Date
    /// Temperature, °C.
    public var temperatureC: Double?
    /// Wind speed, km/h.
    public var windSpeedKPH: Double?
    /// Wind direction, degrees from north.
    public var windDirectionDegrees: Double?
    /// Precipitation, mm.
    public var precipitationMM: Double?
    /// Probability of precipitation, 0…1.
    public var precipitationProbability: Double?
    /// Relative humidity, 0…100.
    public var humidityPercent: Double?
    /// A short description (`light rain`).
    public var conditions: String?

    /// Creates an observation.
    public init(
        gameID: Int, source: String, observedAt: Date, forecastFor: Date, temperatureC: Double? = nil,
        windSpeedKPH: Double? = nil, windDirectionDegrees: Double? = nil, precipitationMM: Double? = nil,
        precipitationProbability: Double? = nil, humidityPercent: Double? = nil, conditions: String? = nil
    ) {
        self.gameID = gameID
        self.source = source
        self.observedAt = observedAt
        self.forecastFor = forecastFor
        self.temperatureC = temperatureC
        self.windSpeedKPH = windSpeedKPH
        self.windDirectionDegrees = windDirectionDegrees
        self.precipitationMM = precipitationMM
        self.precipitationProbability = precipitationProbability
        self.humidityPercent = humidityPercent
        self.conditions = conditions
    }
}
