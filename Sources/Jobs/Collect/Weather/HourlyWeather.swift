import Foundation
import Store

/// Validated weather at one place, per time step: UTC step starts and metric values, converted from whatever
/// units the upstream sent (see the `HourlyWeather+…` initializers for each upstream's format).
public struct HourlyWeather: Sendable {
    /// The values of one step; `nil` where the upstream had none.
    struct Step: Sendable {
        /// When the step starts; it lasts `stepSeconds`.
        var start: Date
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

    /// By start.
    private let steps: [Step]
    /// The length of a step, seconds: 3600 for Open-Meteo, 10 800 for OpenWeatherMap's 5-day forecast.
    let stepSeconds: TimeInterval

    /// Weather from `steps`, each lasting `stepSeconds`.
    init(steps: [Step], stepSeconds: TimeInterval) {
        self.steps = steps.sorted { $0.start < $1.start }
        self.stepSeconds = stepSeconds
    }

    /// The values of the step `game` starts in, stamped `observedAt`; `nil` when the weather does not cover it.
    func observation(for game: Game, source: String, observedAt: Date) -> WeatherObservation? {
        let start = game.scheduledAt
        guard let gameID = game.id,
            let step = steps.last(where: { $0.start <= start }), start < step.start.addingTimeInterval(stepSeconds), !step.isEmpty
        else { return nil }
        return WeatherObservation(
            gameID: gameID, source: source, observedAt: observedAt, forecastFor: step.start, temperatureC: step.temperatureC,
            windSpeedKPH: step.windSpeedKPH, windDirectionDegrees: step.windDirectionDegrees,
            precipitationMM: step.precipitationMM, precipitationProbability: step.precipitationProbability,
            humidityPercent: step.humidityPercent, conditions: step.conditions)
    }
}
