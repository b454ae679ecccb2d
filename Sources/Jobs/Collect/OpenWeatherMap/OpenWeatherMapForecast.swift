/// OpenWeatherMap's 5 day / 3 hour forecast (`/data/2.5/forecast`): a list of steps at `dt` (epoch seconds,
/// UTC). Units depend on the request's `units`; precipitation is always mm and absent when zero.
public struct OpenWeatherMapForecast: Decodable, Sendable {
    /// One step.
    public struct Step: Decodable, Sendable {
        /// The step's time, Unix seconds UTC (authoritative; `dt_txt` repeats it as text).
        public let dt: Int
        /// Temperature and humidity.
        public let main: Main
        /// Conditions; the first is the primary one.
        public let weather: [Condition]
        /// Wind, in the request's units.
        public let wind: Wind?
        /// Probability of precipitation, 0…1.
        public let pop: Double?
        /// Rain volume, mm.
        public let rain: Volume?
        /// Snow volume (water equivalent), mm.
        public let snow: Volume?
    }

    /// `main`.
    public struct Main: Decodable, Sendable {
        /// Temperature.
        public let temp: Double
        /// Relative humidity, %.
        public let humidity: Double?
    }

    /// One condition (`light rain`).
    public struct Condition: Decodable, Sendable {
        /// The condition's text.
        public let description: String
    }

    /// `wind`.
    public struct Wind: Decodable, Sendable {
        /// m/s (standard, metric) or mph (imperial).
        public let speed: Double
        /// Direction, degrees.
        public let deg: Double?
    }

    /// `rain` / `snow`: the volume over the last one or three hours.
    public struct Volume: Decodable, Sendable {
        /// mm over the last hour.
        public let oneHour: Double?
        /// mm over the last three hours.
        public let threeHours: Double?

        enum CodingKeys: String, CodingKey {
            case oneHour = "1h"
            case threeHours = "3h"
        }

        /// mm per hour, the total spread evenly over its hours.
        var perHour: Double? { threeHours.map { $0 / 3 } ?? oneHour }
    }

    /// The steps, in time order.
    public let list: [Step]
}
