/// Where The Odds API is and how to call it.
public struct OddsAPIConfiguration: Sendable {
    /// The base URL (`https://api.the-odds-api.com`, or a sandbox).
    public var baseURL: String
    /// The API key.
    public var apiKey: String
    /// Regions whose bookmakers to fetch (each region multiplies the cost).
    public var regions: [String]
    /// Markets to fetch (each market multiplies the cost).
    public var markets: [String]
    /// The price format requested.
    public var oddsFormat: OddsFormat

    /// A configuration; defaults: US books, moneyline, spreads and totals, American prices.
    public init(
        baseURL: String = "https://api.the-odds-api.com", apiKey: String, regions: [String] = ["us"],
        markets: [String] = ["h2h", "spreads", "totals"], oddsFormat: OddsFormat = .american
    ) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.regions = regions
        self.markets = markets
        self.oddsFormat = oddsFormat
    }
}
