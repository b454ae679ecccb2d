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
    /// How many times a request the API refused as too frequent (429) is sent again, after 0.25, 0.5, 1, 2 … seconds
    /// (or the `Retry-After` it names, when that is 5 s or less), before the refusal fails the job's attempt.
    public var frequencyRetries = 4

    /// What one historical snapshot with events costs: the API charges 10 credits per market and region (a snapshot
    /// with no events costs nothing).
    public var historicalSnapshotCredits: Int { 10 * markets.count * regions.count }

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
