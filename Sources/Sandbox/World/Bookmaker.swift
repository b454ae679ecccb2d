/// A simulated bookmaker: its Odds API key and title, its region, its margin and how noisy its lines are.
public struct Bookmaker: Sendable, Equatable {
    /// The Odds API key (`draftkings`).
    public let key: String
    /// The display title (`DraftKings`).
    public let title: String
    /// The Odds API region it belongs to (`us`, `us2`, `eu`).
    public let region: String
    /// The overround: implied probabilities sum to 1 + `vig`.
    public let vig: Double
    /// How far its view strays from the truth, relative to the league's typical book.
    public let noise: Double

    /// The books the sandbox runs.
    public static let all: [Bookmaker] = [
        Bookmaker(key: "draftkings", title: "DraftKings", region: "us", vig: 0.045, noise: 1.0),
        Bookmaker(key: "fanduel", title: "FanDuel", region: "us", vig: 0.042, noise: 1.0),
        Bookmaker(key: "betmgm", title: "BetMGM", region: "us", vig: 0.05, noise: 1.1),
        Bookmaker(key: "williamhill_us", title: "Caesars", region: "us", vig: 0.048, noise: 1.05),
        Bookmaker(key: "betonlineag", title: "BetOnline.ag", region: "us", vig: 0.04, noise: 0.9),
        Bookmaker(key: "espnbet", title: "ESPN BET", region: "us2", vig: 0.05, noise: 1.2),
        Bookmaker(key: "pinnacle", title: "Pinnacle", region: "eu", vig: 0.02, noise: 0.5),
    ]

    /// The regions books belong to.
    static let regions: Set<String> = ["us", "us2", "uk", "au", "eu"]
}
