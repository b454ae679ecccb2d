/// Open-Meteo's forecast: hourly arrays parallel to `time`, values possibly null, units spelled out.
public struct OpenMeteoForecast: Decodable, Sendable {
    /// The hourly series.
    public struct Hourly: Decodable, Sendable {
        /// Local times without seconds or offset (`2026-05-09T15:00`).
        public let time: [String]
        /// Air temperature at 2 m.
        public let temperature2m: [Double?]?
        /// Relative humidity at 2 m, %.
        public let relativeHumidity2m: [Double?]?
        /// Wind speed at 10 m.
        public let windSpeed10m: [Double?]?
        /// Wind direction at 10 m, degrees.
        public let windDirection10m: [Double?]?
        /// Precipitation in the hour.
        public let precipitation: [Double?]?
        /// Probability of precipitation, %.
        public let precipitationProbability: [Double?]?

        enum CodingKeys: String, CodingKey {
            case time, precipitation
            case temperature2m = "temperature_2m"
            case relativeHumidity2m = "relative_humidity_2m"
            case windSpeed10m = "wind_speed_10m"
            case windDirection10m = "wind_direction_10m"
            case precipitationProbability = "precipitation_probability"
        }
    }

    /// The grid point's latitude.
    public let latitude: Double
    /// The grid point's longitude.
    public let longitude: Double
    /// The offset of `hourly.time` from UTC.
    public let utcOffsetSeconds: Int
    /// Unit per variable (`°F`, `mp/h`, `inch`, …).
    public let hourlyUnits: [String: String]
    /// The series.
    public let hourly: Hourly

    enum CodingKeys: String, CodingKey {
        case latitude, longitude, hourly
        case utcOffsetSeconds = "utc_offset_seconds"
        case hourlyUnits = "hourly_units"
    }
}
