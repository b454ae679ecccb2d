/// OpenWeatherMap's `units` parameter. The body does not say which was asked for, so decoding needs it.
public enum OpenWeatherMapUnits: String, Sendable {
    /// Kelvin, m/s (the default when `units` is absent).
    case standard
    /// °C, m/s.
    case metric
    /// °F, mph.
    case imperial

    /// Degrees Celsius for a temperature in these units.
    func celsius(_ value: Double) -> Double {
        switch self {
        case .standard: value - 273.15
        case .metric: value
        case .imperial: (value - 32) * 5 / 9
        }
    }

    /// Kilometres per hour for a wind speed in these units.
    func kilometresPerHour(_ value: Double) -> Double {
        switch self {
        case .standard, .metric: value * 3.6
        case .imperial: value * 1.609344
        }
    }
}
