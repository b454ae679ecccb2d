import Foundation

extension HourlyWeather {
    /// OpenWeatherMap's 5 day / 3 hour forecast, asked for in `units`.
    ///
    /// A step at `dt` reports rain and snow over the three hours *before* `dt`, so it is filed as the step
    /// starting three hours earlier: a game starting in [dt − 3 h, dt) gets that step's precipitation, and a
    /// temperature from within its first three hours. Volumes are spread evenly over their hours (mm per
    /// hour, as Open-Meteo reports); a step without `rain` or `snow` had none.
    init(_ forecast: OpenWeatherMapForecast, units: OpenWeatherMapUnits, response: UpstreamResponse) throws {
        let stepSeconds: TimeInterval = 3 * 3600
        var steps: [Step] = []
        for (index, item) in forecast.list.enumerated() {
            if let pop = item.pop, !(0...1).contains(pop) {
                throw CollectorError(
                    .invalidPayload, source: response.source, endpoint: response.endpoint, status: response.status,
                    message: ".list[\(index)].pop \(pop) is not a probability")
            }
            let precipitation = (item.rain?.perHour ?? 0) + (item.snow?.perHour ?? 0)
            steps.append(
                Step(
                    start: Date(timeIntervalSince1970: TimeInterval(item.dt) - stepSeconds), temperatureC: units.celsius(item.main.temp),
                    humidityPercent: item.main.humidity, windSpeedKPH: item.wind.map { units.kilometresPerHour($0.speed) },
                    windDirectionDegrees: item.wind?.deg, precipitationMM: precipitation, precipitationProbability: item.pop,
                    conditions: item.weather.first?.description))
        }
        self.init(steps: steps, stepSeconds: stepSeconds)
    }
}
