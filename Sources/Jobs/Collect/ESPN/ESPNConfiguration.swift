/// Where ESPN's site API is.
public struct ESPNConfiguration: Sendable {
    /// The base URL (`https://site.api.espn.com`, or a sandbox).
    public var baseURL: String

    /// A configuration.
    public init(baseURL: String = "https://site.api.espn.com") {
        self.baseURL = baseURL
    }
}
