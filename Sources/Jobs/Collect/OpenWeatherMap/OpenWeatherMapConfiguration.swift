/// Where OpenWeatherMap is, and the key it wants.
public struct OpenWeatherMapConfiguration: Sendable {
    /// The base URL (`https://api.openweathermap.org`, or a sandbox).
    public var baseURL: String
    /// The `appid` key (sent as a query parameter; never logged).
    public var apiKey: String

    /// A configuration.
    public init(baseURL: String = "https://api.openweathermap.org", apiKey: String) {
        self.baseURL = baseURL
        self.apiKey = apiKey
    }
}
