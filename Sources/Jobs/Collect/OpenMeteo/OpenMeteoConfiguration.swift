/// Where Open-Meteo is: the forecast API and the historical (archive) API live on different hosts.
public struct OpenMeteoConfiguration: Sendable {
    /// The forecast base URL (`https://api.open-meteo.com`; `https://customer-api.open-meteo.com` with a key; or a sandbox).
    public var baseURL: String
    /// The archive base URL (`https://archive-api.open-meteo.com`; `https://customer-archive-api.open-meteo.com`
    /// with a key; or a sandbox).
    public var archiveBaseURL: String
    /// The commercial key, if any (sent to both).
    public var apiKey: String?

    /// A configuration; defaults: Open-Meteo's free hosts, no key.
    public init(
        baseURL: String = "https://api.open-meteo.com", archiveBaseURL: String = "https://archive-api.open-meteo.com", apiKey: String? = nil
    ) {
        self.baseURL = baseURL
        self.archiveBaseURL = archiveBaseURL
        self.apiKey = apiKey
    }
}
