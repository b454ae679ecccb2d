/// Where Open-Meteo is.
public struct OpenMeteoConfiguration: Sendable {
    /// The base URL (`https://api.open-meteo.com`; `https://customer-api.open-meteo.com` with a key; or a sandbox).
    public var baseURL: String
    /// The commercial key, if any.
    public var apiKey: String?

    /// A configuration.
    public init(baseURL: String = "https://api.open-meteo.com", apiKey: String? = nil) {
        self.baseURL = baseURL
        self.apiKey = apiKey
    }
}
