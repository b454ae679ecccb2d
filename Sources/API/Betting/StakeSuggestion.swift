/// `GET /betting/stake`: how much of the user's bankroll to put on a pick.
///
/// The pick's `stake` is already the platform's Kelly sizing as a fraction of bankroll (quarter Kelly at its
/// price and probability, capped at 5 %: `StakePolicy`), so the suggestion is that fraction of what the user
/// has available (balance less pending stakes), rounded down to the cent.
struct StakeSuggestion: Encodable, Sendable {
    var predictionId: Int
    var gameId: Int
    var betType: String
    var selection: String
    var line: Double?
    var price: Double?
    var americanPrice: Double?
    var probability: Double
    var edge: Double
    var tier: String
    /// The fraction of bankroll the pick recommends.
    var kellyFraction: Double
    var bankrollBalance: Double
    var available: Double
    var suggestedStake: Double
}
