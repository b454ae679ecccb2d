/// OpenWeatherMap's 5 day / 3 hour forecast body, as the real service spells it
/// (`../shared/reference/api-formats/openweathermap.json`).
enum OpenWeatherMapWire {
    struct Forecast: Encodable {
        /// A string on success (`"200"`), unlike the errors' numbers.
        let cod: String
        let message: Int
        let cnt: Int
        let list: [Step]
        let city: City
    }

    struct Step: Encodable {
        let dt: Int
        let main: Main
        let weather: [Condition]
        let clouds: Clouds
        let wind: Wind
        let visibility: Int
        let pop: Double
        /// Absent when no rain fell in the three hours.
        let rain: Volume?
        let sys: PartOfDay
        let dt_txt: String
    }

    struct Main: Encodable {
        let temp: Double
        let feels_like: Double
        let temp_min: Double
        let temp_max: Double
        let pressure: Int
        let sea_level: Int
        let grnd_level: Int
        let humidity: Int
        let temp_kf: Double
    }

    struct Condition: Encodable {
        let id: Int
        let main: String
        let description: String
        let icon: String
    }

    struct Clouds: Encodable {
        let all: Int
    }

    struct Wind: Encodable {
        let speed: Double
        let deg: Int
        let gust: Double
    }

    struct Volume: Encodable {
        let threeHours: Double

        enum CodingKeys: String, CodingKey {
            case threeHours = "3h"
        }
    }

    struct PartOfDay: Encodable {
        let pod: String
    }

    struct City: Encodable {
        let id: Int
        let name: String
        let coord: Coordinates
        let country: String
        let population: Int
        let timezone: Int
        let sunrise: Int
        let sunset: Int
    }

    struct Coordinates: Encodable {
        let lat: Double
        let lon: Double
    }

    /// `cod` is a number for 401 and 429, a string for 400 and 404: both spellings are served as the real API does.
    struct ErrorBody: Encodable {
        let cod: Code
        let message: String
    }

    enum Code: Encodable {
        case number(Int)
        case text(String)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            }
        }
    }
}
