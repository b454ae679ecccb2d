/// Which upstream `collect.weather` takes forecasts from. Backfills read Open-Meteo's archive whichever it
/// is: it is free and keyless, and OpenWeatherMap's history is a separate paid product.
public enum WeatherProvider: Sendable {
    /// Open-Meteo (`OpenMeteoConfiguration`), hourly, 16 days ahead.
    case openMeteo
    /// OpenWeatherMap's 5 day / 3 hour forecast.
    case openWeatherMap(OpenWeatherMapConfiguration)
}
