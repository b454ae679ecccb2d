import Foundation
import Hummingbird

/// Open-Meteo's hourly forecast (`/v1/forecast`) and historical archive (`/v1/archive`) at a point, with
/// their units and time zones, from the world's weather.
struct OpenMeteoEndpoints: Sendable {
    let world: SandboxWorld
    let clock: SandboxClock
    let json: JSONResponse

    private static let forecastVariables: Set<String> = [
        "temperature_2m", "relative_humidity_2m", "wind_speed_10m", "wind_direction_10m", "wind_gusts_10m", "precipitation",
        "precipitation_probability", "weather_code",
    ]
    /// The archive is a reanalysis: it knows whether it rained, so it has no precipitation probability.
    private static let archiveVariables = forecastVariables.subtracting(["precipitation_probability"])

    func register(on router: Router<BasicRequestContext>) {
        router.get("/v1/forecast") { request, _ in try hourly(request, archive: false) }
        router.get("/v1/archive") { request, _ in try hourly(request, archive: true) }
    }

    private func hourly(_ request: Request, archive: Bool) throws -> Response {
        let started = ContinuousClock.now
        let query = request.uri.queryParameters
        func fail(_ reason: String) throws -> Response {
            try json.make(.badRequest, OpenMeteoWire.ErrorBody(error: true, reason: reason), path: request.uri.path)
        }
        guard let latitude = query["latitude"].flatMap({ Double($0) }), (-90...90).contains(latitude),
            let longitude = query["longitude"].flatMap({ Double($0) }), (-180...180).contains(longitude)
        else { return try fail("Parameter 'latitude' and 'longitude' must be valid coordinates") }
        let hourly = query["hourly"].map { $0.split(separator: ",").map(String.init) } ?? []
        if let unknown = hourly.first(where: { !(archive ? Self.archiveVariables : Self.forecastVariables).contains($0) }) {
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
        // Whole local days: start_date…end_date, else (forecast only) today and `forecast_days` − 1 more.
        let firstDay: Date
        let dayCount: Int
        let start = query["start_date"].flatMap { WireTime.parseDay(String($0)) }
        let end = query["end_date"].flatMap { WireTime.parseDay(String($0)) }
        if let start, let end, end >= start {
            firstDay = start.addingTimeInterval(TimeInterval(-offset))
            dayCount = Int(end.timeIntervalSince(start) / 86_400) + 1
        } else if archive {
            return try fail("Parameter 'start_date' and 'end_date' are required and must be dates with start_date <= end_date")
        } else {
            let localMidnight = ((now.timeIntervalSince1970 + Double(offset)) / 86_400).rounded(.down) * 86_400
            firstDay = Date(timeIntervalSince1970: localMidnight - Double(offset))
            dayCount = query["forecast_days"].flatMap { Int($0) } ?? 7
        }
        if archive {
            // The archive reaches to today; hours not yet analysed come back null.
            let today = String(WireTime.localHour(now, offsetSeconds: offset).prefix(10))
            if let end, end > WireTime.parseDay(today)! {
                return try fail("Parameter 'end_date' is out of allowed range from 1940-01-01 to \(today)")
            }
        } else if !(1...16).contains(dayCount) {
            return try fail("Forecast days is invalid. Allowed range 0 to 16.")
        }
        let hours = (0..<(dayCount * 24)).map { firstDay.addingTimeInterval(TimeInterval($0 * 3600)) }
        let samples = hours.map { hour in
            archive && hour >= now ? nil : world.weather(latitude: latitude, longitude: longitude, hour: hour)
        }
        let windFactors: [String: Double] = ["ms": 1 / 3.6, "mph": 0.621371, "kn": 0.539957]
        let windFactor = windFactors[windUnit] ?? 1
        let windLabel = ["ms": "m/s", "mph": "mp/h", "kn": "kn"][windUnit] ?? "km/h"
        var units = ["time": "iso8601"]
        let variables: [(name: String, values: [Double?])] = hourly.map { name in
            let value: (WeatherSample) -> Double
            switch name {
            case "temperature_2m":
                units[name] = fahrenheit ? "°F" : "°C"
                value = { fahrenheit ? (($0.temperatureC * 9 / 5 + 32) * 10).rounded() / 10 : $0.temperatureC }
            case "relative_humidity_2m":
                units[name] = "%"
                value = \.humidityPercent
            case "wind_speed_10m", "wind_gusts_10m":
                units[name] = windLabel
                value = { ((name == "wind_speed_10m" ? $0.windSpeedKPH : $0.windGustsKPH) * windFactor * 10).rounded() / 10 }
            case "wind_direction_10m":
                units[name] = "°"
                value = \.windDirectionDegrees
            case "precipitation":
                units[name] = inches ? "inch" : "mm"
                value = { inches ? ($0.precipitationMM / 25.4 * 1000).rounded() / 1000 : $0.precipitationMM }
            case "precipitation_probability":
                units[name] = "%"
                value = { Double($0.precipitationProbability) }
            default:
                units[name] = "wmo code"
                value = { Double($0.weatherCode) }
            }
            return (name, samples.map { $0.map(value) })
        }
        // Like the real service, the time it took: the one field that differs between two fetches of the same data.
        let elapsed = started.duration(to: .now)
        let body = OpenMeteoWire.Forecast(
            latitude: (latitude * 10).rounded() / 10, longitude: (longitude * 10).rounded() / 10,
            generationtime_ms: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15,
            utc_offset_seconds: offset, timezone: zone.identifier == "GMT" ? "GMT" : zoneName,
            timezone_abbreviation: offset == 0 ? "GMT" : "GMT\(offset < 0 ? "-" : "+")\(abs(offset) / 3600)", elevation: 150,
            hourly_units: units,
            hourly: OpenMeteoWire.Hourly(time: hours.map { WireTime.localHour($0, offsetSeconds: offset) }, variables: variables))
        return try json.make(.ok, body, path: request.uri.path)
    }
}
