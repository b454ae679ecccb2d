import Foundation

extension HourlyWeather {
    /// Open-Meteo's forecast or archive: validates the parallel arrays, parses local times with the UTC offset
    /// and converts units.
    init(_ forecast: OpenMeteoForecast, response: UpstreamResponse) throws {
        func fail(_ message: String) -> CollectorError {
            CollectorError(.invalidPayload, source: response.source, endpoint: response.endpoint, status: response.status, message: message)
        }
        let hourly = forecast.hourly
        let count = hourly.time.count
        let series: [(String, [Double?]?)] = [
            ("temperature_2m", hourly.temperature2m), ("relative_humidity_2m", hourly.relativeHumidity2m),
            ("wind_speed_10m", hourly.windSpeed10m), ("wind_direction_10m", hourly.windDirection10m),
            ("precipitation", hourly.precipitation), ("precipitation_probability", hourly.precipitationProbability),
        ]
        for (name, values) in series where values != nil && values!.count != count {
            throw fail(".hourly.\(name) has \(values!.count) values for \(count) times")
        }
        let units = forecast.hourlyUnits
        let temperature: (Double) -> Double
        switch units["temperature_2m"] ?? "°C" {
        case "°C": temperature = { $0 }
        case "°F": temperature = { ($0 - 32) * 5 / 9 }
        case let unit: throw fail("temperature unit \"\(unit)\" is not °C or °F")
        }
        let windFactors = ["km/h": 1.0, "mp/h": 1.609344, "m/s": 3.6, "kn": 1.852]
        guard let wind = windFactors[units["wind_speed_10m"] ?? "km/h"] else {
            throw fail("wind unit \"\(units["wind_speed_10m"]!)\" is unknown")
        }
        let precipitationFactors = ["mm": 1.0, "inch": 25.4]
        guard let precipitation = precipitationFactors[units["precipitation"] ?? "mm"] else {
            throw fail("precipitation unit \"\(units["precipitation"]!)\" is unknown")
        }
        var hours: [Step] = []
        for (index, text) in hourly.time.enumerated() {
            guard let time = UpstreamTime.local(text, utcOffsetSeconds: forecast.utcOffsetSeconds) else {
                throw fail(".hourly.time[\(index)] \"\(text.prefix(30))\" is not a local time")
            }
            func value(_ values: [Double?]?) -> Double? { values?[index] }
            hours.append(
                Step(
                    start: time, temperatureC: value(hourly.temperature2m).map(temperature),
                    humidityPercent: value(hourly.relativeHumidity2m),
                    windSpeedKPH: value(hourly.windSpeed10m).map { $0 * wind }, windDirectionDegrees: value(hourly.windDirection10m),
                    precipitationMM: value(hourly.precipitation).map { $0 * precipitation },
                    precipitationProbability: value(hourly.precipitationProbability).map { $0 / 100 }))
        }
        self.init(steps: hours, stepSeconds: 3600)
    }
}
