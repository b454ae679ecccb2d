import Foundation

/// A simulated bookmaker: its Odds API key and title, its region, its margin, how far its lines stray
/// from the market's consensus and how late it follows the consensus's moves.
public struct Bookmaker: Sendable, Equatable {
    /// The Odds API key (`draftkings`).
    public let key: String
    /// The display title (`DraftKings`).
    public let title: String
    /// The Odds API region it belongs to (`us`, `us2`, `eu`).
    public let region: String
    /// The overround: implied probabilities sum to 1 + `vig`.
    public let vig: Double
    /// How far its view strays from the market's consensus, relative to a typical US book.
    public let noise: Double
    /// How long after the consensus moves the book follows: 0 for the sharp book that leads it.
    public let lag: TimeInterval

    /// A book; `lag` 0 makes it move with the consensus.
    public init(key: String, title: String, region: String, vig: Double, noise: Double, lag: TimeInterval = 0) {
        self.key = key
        self.title = title
        self.region = region
        self.vig = vig
        self.noise = noise
        self.lag = lag
    }

    /// The books the sandbox runs: US books with 4–5 % margins that follow the market 5 to 30 minutes late,
    /// and Pinnacle, the sharp book,, with a 2 % margin, whose line is the consensus.
    public static let all: [Bookmaker] = [
        Bookmaker(key: "draftkings", title: "DraftKings", region: "us", vig: 0.045, noise: 1.0, lag: 10 * 60),
        Bookmaker(key: "fanduel", title: "FanDuel", region: "us", vig: 0.042, noise: 1.0, lag: 5 * 60),
        Bookmaker(key: "betmgm", title: "BetMGM", region: "us", vig: 0.049, noise: 1.1, lag: 20 * 60),
        Bookmaker(key: "williamhill_us", title: "Caesars", region: "us", vig: 0.048, noise: 1.05, lag: 15 * 60),
        Bookmaker(key: "betonlineag", title: "BetOnline.ag", region: "us", vig: 0.042, noise: 0.9, lag: 5 * 60),
        Bookmaker(key: "espnbet", title: "ESPN BET", region: "us2", vig: 0.049, noise: 1.2, lag: 30 * 60),
        Bookmaker(key: "pinnacle", title: "Pinnacle", region: "eu", vig: 0.02, noise: 0.3),
    ]

    /// The regions books belong to.
    static let regions: Set<String> = ["us", "us2", "uk", "au", "eu"]
}
