import Foundation

/// The world's weather: a seasonal and daily temperature cycle by latitude, day-to-day swings, wind and
/// showers, all seeded by place and time.
struct WeatherModel: Sendable {
    let seed: UInt64

    func sample(latitude: Double, longitude: Double, hour: Date) -> WeatherSample {
        let hours = Int((hour.timeIntervalSince1970 / 3600).rounded(.down))
        let day = Int((Double(hours) + longitude / 15) / 24)
        let place = Int((latitude * 100).rounded()) &* 100_003 &+ Int((longitude * 100).rounded())
        var daily = SeededStream(seed: seed, 20, place, day)
        var hourly = SeededStream(seed: seed, 21, place, hours)
        let dayOfYear = Double(((day % 365) + 365) % 365)
        let solarHour = (Double(hours % 24) + longitude / 15 + 48).truncatingRemainder(dividingBy: 24)
        let seasonal = 13 - 0.45 * (abs(latitude) - 35) + 11 * cos(2 * Double.pi * (dayOfYear - 200) / 365)
        let diurnal = 5 * cos(2 * Double.pi * (solarHour - 15) / 24)
        let temperature = seasonal + diurnal + 3 * daily.normal() + 0.5 * hourly.normal()
        let wetness = daily.uniform()
        let wind = max(0, 10 + 6 * daily.normal() + 2 * hourly.normal())
        let raining = wetness > 0.75 && hourly.uniform() < wetness
        let precipitation = raining ? ((-log(hourly.uniform()) * 1.5) * 10).rounded() / 10 : 0
        let direction = (daily.uniform() * 360 + 20 * hourly.normal() + 360).truncatingRemainder(dividingBy: 360)
        return WeatherSample(
            temperatureC: (temperature * 10).rounded() / 10,
            humidityPercent: min(100, max(15, (55 + 35 * wetness - diurnal * 2).rounded())),
            windSpeedKPH: (wind * 10).rounded() / 10,
            windDirectionDegrees: direction.rounded(),
            windGustsKPH: ((wind * 1.6 + 3 * abs(hourly.normal())) * 10).rounded() / 10,
            precipitationMM: precipitation,
            precipitationProbability: Int((100 * wetness * wetness).rounded()),
            weatherCode: precipitation > 2 ? 63 : precipitation > 0 ? 61 : wetness > 0.5 ? 3 : 1)
    }
}
