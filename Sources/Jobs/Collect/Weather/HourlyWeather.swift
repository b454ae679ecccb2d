import Foundation
import Store

/// Validated weather at one place, per time step: UTC step starts and metric values, converted from whatever
/// units the upstream sent (see the `HourlyWeather+…` initializers for each upstream's format).
struct HourlyWeather: Sendable {
    /// The values of one step; `nil` where the upstream had none.
    struct Hour: Sendable {
        var temperatureC: Double?
        var humidityPercent: Double?
        var windSpeedKPH: Double?
        var windDirectionDegrees: Double?
        /// Precipitation per hour, mm (a multi-hour total is spread evenly over its hours).
        var precipitationMM: Double?
        /// 0…1.
        var precipitationProbability: Double?
        var conditions: String?

        /// True when the upstream sent nothing for the step (the archive's hours not analysed yet).
        var isEmpty: Bool {
            temperatureC == nil && humidityPercent == nil && windSpeedKPH == nil && windDirectionDegrees == nil && precipitationMM == nil
                && precipitationProbability == nil && conditions == nil
        }
    }

    private let steps: [Date: Hour]
    /// The length of a step, seconds: 3600 for Open-Meteo, 10 800 for OpenWeatherMap's 5-day forecast.
    let stepSeconds: TimeInterval

    /// Weather from `steps`, keyed by the UTC start of each step (a multiple of `stepSeconds` since the epoch).
    init(steps: [Date: Hour], stepSeconds: TimeInterval) {
        self.steps = steps
        self.stepSeconds = stepSeconds
    }

    /// The values for the step `game` starts in, stamped `observedAt`; `nil` when the weather does not cover it.
    func observation(for game: Game, source: String, observedAt: Date) -> WeatherObservation? {
        let step = Date(timeIntervalSince1970: (game.scheduledAt.timeIntervalSince1970 / stepSeconds).rounded(.down) * stepSeconds)
        guard let gameID = game.id, let values = steps[step], !values.isEmpty else { return nil }
        return WeatherObservation(
            gameID: gameID, source: source, observedAt: observedAt, forecastFor: step, temperatureC: values.temperatureC,
            windSpeedKPH: values.windSpeedKPH, windDirectionDegrees: values.windDirectionDegrees,
            precipitationMM: values.precipitationMM, precipitationProbability: values.precipitationProbability,
            humidityPercent: values.humidityPercent, conditions: values.conditions)
    }
}
