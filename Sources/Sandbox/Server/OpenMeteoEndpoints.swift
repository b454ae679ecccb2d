import Foundation
import Hummingbird

/// Open-Meteo's hourly forecast at a point, with its units and time zones.
struct OpenMeteoEndpoints: Sendable {
    let world: SandboxWorld
    let clock: SandboxClock
    let json: JSONResponse

    private static let variables: Set<String> = [
        "temperature_2m", "relative_humidity_2m", "wind_speed_10m", "wind_direction_10m", "wind_gusts_10m", "precipitation",
        "precipitation_probability", "weather_code",
    ]

    func register(on router: Router<BasicRequestContext>) {
        router.get("/v1/forecast") { request, _ in try forecast(request) }
    }

    private func forecast(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        func fail(_ reason: String) throws -> Response {
            try json.make(.badRequest, OpenMeteoWire.ErrorBody(error: true, reason: reason), path: request.uri.path)
        }
        guard let latitude = query["latitude"].flatMap({ Double($0) }), (-90...90).contains(latitude),
            let longitude = query["longitude"].flatMap({ Double($0) }), (-180...180).contains(longitude)
        else { return try fail("Parameter 'latitude' and 'longitude' must be valid coordinates") }
        let hourly = query["hourly"].map { $0.split(separator: ",").map(String.init) } ?? []
        if let unknown = hourly.first(where: { !Self.variables.contains($0) }) {
            return try fail("Cannot initialize WeatherVariable from invalid String value \(unknown) for key hourly")
        }
        let zoneName = query["timezone"].map(String.init) ?? "GMT"
        guard let zone = zoneName == "GMT" || zoneName == "UTC" ? TimeZone(identifier: "GMT") : TimeZone(identifier: zoneName) else {
            return try fail("Invalid timezone")
        }
        let fahrenheit = query["temperature_unit"] == "fahrenheit"
        let windUnit = query["wind_speed_unit"].map(String.init) ?? "kmh"
        let inches = query["precipitation_unit"] == "inch"
        let now = clock.now
        let offset = zone.secondsFromGMT(for: now)
        // Whole local days: start_date…end_date, else today and `forecast_days` − 1 more.
        let firstDay: Date
        let dayCount: Int
        if let start = query["start_date"].flatMap({ WireTime.parseDay(String($0)) }),
            let end = query["end_date"].flatMap({ WireTime.parseDay(String($0)) }), end >= start
        {
            firstDay = start.addingTimeInterval(TimeInterval(-offset))
            dayCount = Int(end.timeIntervalSince(start) / 86_400) + 1
        } else {
            let localMidnight = ((now.timeIntervalSince1970 + Double(offset)) / 86_400).rounded(.down) * 86_400
            firstDay = Date(timeIntervalSince1970: localMidnight - Double(offset))
            dayCount = query["forecast_days"].flatMap { Int($0) } ?? 7
        }
        guard (1...16).contains(dayCount) else { return try fail("Forecast days is invalid. Allowed range 0 to 16.") }
        let hours = (0..<(dayCount * 24)).map { firstDay.addingTimeInterval(TimeInterval($0 * 3600)) }
        let samples = hours.map { world.weather(latitude: latitude, longitude: longitude, hour: $0) }
        let windFactors: [String: Double] = ["ms": 1 / 3.6, "mph": 0.621371, "kn": 0.539957]
        let windFactor = windFactors[windUnit] ?? 1
        let windLabel = ["ms": "m/s", "mph": "mp/h", "kn": "kn"][windUnit] ?? "km/h"
        var units = ["time": "iso8601"]
        let variables: [(name: String, values: [Double])] = hourly.map { name in
            let values: [Double]
            switch name {
            case "temperature_2m":
                units[name] = fahrenheit ? "°F" : "°C"
                values = samples.map { fahrenheit ? (($0.temperatureC * 9 / 5 + 32) * 10).rounded() / 10 : $0.temperatureC }
            case "relative_humidity_2m":
                units[name] = "%"
                values = samples.map(\.humidityPercent)
            case "wind_speed_10m", "wind_gusts_10m":
                units[name] = windLabel
                values = samples.map { ((name == "wind_speed_10m" ? $0.windSpeedKPH : $0.windGustsKPH) * windFactor * 10).rounded() / 10 }
            case "wind_direction_10m":
                units[name] = "°"
                values = samples.map(\.windDirectionDegrees)
            case "precipitation":
                units[name] = inches ? "inch" : "mm"
                values = samples.map { inches ? ($0.precipitationMM / 25.4 * 1000).rounded() / 1000 : $0.precipitationMM }
            case "precipitation_probability":
                units[name] = "%"
                values = samples.map { Double($0.precipitationProbability) }
            default:
                units[name] = "wmo code"
                values = samples.map { Double($0.weatherCode) }
            }
            return (name, values)
        }
        let body = OpenMeteoWire.Forecast(
            latitude: (latitude * 10).rounded() / 10, longitude: (longitude * 10).rounded() / 10, generationtime_ms: 0.05,
            utc_offset_seconds: offset, timezone: zone.identifier == "GMT" ? "GMT" : zoneName,
            timezone_abbreviation: offset == 0 ? "GMT" : "GMT\(offset < 0 ? "-" : "+")\(abs(offset) / 3600)", elevation: 150,
            hourly_units: units,
            hourly: OpenMeteoWire.Hourly(time: hours.map { WireTime.localHour($0, offsetSeconds: offset) }, variables: variables))
        return try json.make(.ok, body, path: request.uri.path)
    }
}
