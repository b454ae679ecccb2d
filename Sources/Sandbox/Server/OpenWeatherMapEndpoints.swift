import Foundation
import Hummingbird

/// OpenWeatherMap's 5 day / 3 hour forecast (`/data/2.5/forecast`) from the world's weather, with its key
/// check, its calls-per-minute limit and its error bodies.
struct OpenWeatherMapEndpoints: Sendable {
    let world: SandboxWorld
    let clock: SandboxClock
    let account: OpenWeatherMapAccount
    let json: JSONResponse

    private static let stepSeconds = 3 * 3600

    func register(on router: Router<BasicRequestContext>) {
        router.get("/data/2.5/forecast") { request, _ in try forecast(request) }
    }

    private func forecast(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        let path = request.uri.path
        switch account.admit(key: query["appid"].map(String.init)) {
        case .failure(.invalidKey):
            return try json.make(
                .unauthorized,
                OpenWeatherMapWire.ErrorBody(
                    cod: .number(401), message: "Invalid API key. Please see https://openweathermap.org/faq#error401 for more info."),
                path: path)
        case .failure(.tooFrequent):
            return try json.make(
                .tooManyRequests,
                OpenWeatherMapWire.ErrorBody(
                    cod: .number(429),
                    message: "Your account is temporary blocked due to exceeding of requests limitation of your subscription type. "
                        + "Please choose the proper subscription https://openweathermap.org/price"),
                path: path)
        case .success: break
        }
        guard let latitude = query["lat"].flatMap({ Double($0) }), let longitude = query["lon"].flatMap({ Double($0) }) else {
            return try json.make(.badRequest, OpenWeatherMapWire.ErrorBody(cod: .text("400"), message: "Nothing to geocode"), path: path)
        }
        guard (-90...90).contains(latitude) else {
            return try json.make(.badRequest, OpenWeatherMapWire.ErrorBody(cod: .text("400"), message: "wrong latitude"), path: path)
        }
        guard (-180...180).contains(longitude) else {
            return try json.make(.badRequest, OpenWeatherMapWire.ErrorBody(cod: .text("400"), message: "wrong longitude"), path: path)
        }
        let units = query["units"].map(String.init) ?? "standard"
        let count = min(40, max(1, query["cnt"].flatMap { Int($0) } ?? 40))
        let now = clock.now
        // Steps fall on the UTC three-hour grid, starting with the next one.
        let first = (Int(now.timeIntervalSince1970) / Self.stepSeconds + 1) * Self.stepSeconds
        let steps = (0..<count).map { step(at: first + $0 * Self.stepSeconds, latitude: latitude, longitude: longitude, units: units) }
        let venue = world.sports.compactMap { world.league($0) }.flatMap(\.teams).map(\.venue)
            .first { abs($0.latitude - latitude) < 0.01 && abs($0.longitude - longitude) < 0.01 }
        let offset = venue.flatMap { TimeZone(identifier: $0.timeZone) }?.secondsFromGMT(for: now) ?? 0
        let midnight = Int(now.timeIntervalSince1970) / 86_400 * 86_400
        let solarNoon = midnight + Int((12 - longitude / 15) * 3600)
        let body = OpenWeatherMapWire.Forecast(
            cod: "200", message: 0, cnt: count, list: steps,
            city: OpenWeatherMapWire.City(
                id: 0, name: venue?.city ?? "", coord: OpenWeatherMapWire.Coordinates(lat: latitude, lon: longitude),
                country: venue?.state == "ON" ? "CA" : "US", population: 0, timezone: offset, sunrise: solarNoon - 7 * 3600,
                sunset: solarNoon + 7 * 3600))
        return try json.make(.ok, body, path: path)
    }

    /// The step at `dt`: the temperature and wind at `dt`, rain and its probability over the three hours before.
    private func step(at dt: Int, latitude: Double, longitude: Double, units: String) -> OpenWeatherMapWire.Step {
        let time = Date(timeIntervalSince1970: TimeInterval(dt))
        let sample = world.weather(latitude: latitude, longitude: longitude, hour: time)
        let window = (1...3).map {
            world.weather(latitude: latitude, longitude: longitude, hour: time.addingTimeInterval(TimeInterval(-3600 * $0)))
        }
        let rain = (window.map(\.precipitationMM).reduce(0, +) * 100).rounded() / 100
        let pop = Double(window.map(\.precipitationProbability).max() ?? 0) / 100
        func round2(_ value: Double) -> Double { (value * 100).rounded() / 100 }
        let temperature: Double
        let speed: (Double) -> Double
        switch units {
        case "metric":
            temperature = sample.temperatureC
            speed = { round2($0 / 3.6) }
        case "imperial":
            temperature = round2(sample.temperatureC * 9 / 5 + 32)
            speed = { round2($0 * 0.621371) }
        default:
            temperature = round2(sample.temperatureC + 273.15)
            speed = { round2($0 / 3.6) }
        }
        let condition: OpenWeatherMapWire.Condition
        let localHour = ((Double(dt % 86_400) / 3600 + longitude / 15) + 24).truncatingRemainder(dividingBy: 24)
        let partOfDay = (6..<19).contains(localHour) ? "d" : "n"
        switch (rain, sample.weatherCode) {
        case (6..., _): condition = .init(id: 501, main: "Rain", description: "moderate rain", icon: "10" + partOfDay)
        case (0.01..., _): condition = .init(id: 500, main: "Rain", description: "light rain", icon: "10" + partOfDay)
        case (_, 3): condition = .init(id: 804, main: "Clouds", description: "overcast clouds", icon: "04" + partOfDay)
        default: condition = .init(id: 800, main: "Clear", description: "clear sky", icon: "01" + partOfDay)
        }
        return OpenWeatherMapWire.Step(
            dt: dt,
            main: OpenWeatherMapWire.Main(
                temp: temperature, feels_like: temperature, temp_min: temperature, temp_max: temperature, pressure: 1014, sea_level: 1014,
                grnd_level: 1000, humidity: Int(sample.humidityPercent), temp_kf: 0),
            weather: [condition], clouds: OpenWeatherMapWire.Clouds(all: rain > 0 ? 100 : sample.weatherCode == 3 ? 90 : 10),
            wind: OpenWeatherMapWire.Wind(
                speed: speed(sample.windSpeedKPH), deg: Int(sample.windDirectionDegrees), gust: speed(sample.windGustsKPH)),
            visibility: 10_000, pop: (pop * 100).rounded() / 100, rain: rain > 0 ? OpenWeatherMapWire.Volume(threeHours: rain) : nil,
            sys: OpenWeatherMapWire.PartOfDay(pod: partOfDay), dt_txt: WireTime.spaced(time))
    }
}
