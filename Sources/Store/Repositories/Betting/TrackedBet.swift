import Foundation

/// A bet a user made and tracks on the platform: copied from a pick or entered by hand, graded when its game is.
///
/// Money is in cents. `line` follows `Prediction.line`: a spread is the home team's line whichever side is
/// bet, a total is the points line, a moneyline has none.
public struct TrackedBet: Sendable, Equatable {
    /// The database id; `nil` until stored.
    public var id: Int?
    /// The user who made it.
    public var userID: UUID
    /// The game.
    public var gameID: Int
    /// The pick it was copied from, if any.
    public var predictionID: Int?
    /// The game's sport.
    public var sport: String
    /// Spread, moneyline or total (player props are not tracked: nothing grades them from a score).
    public var betType: BetType
    /// `home`, `away`, `over` or `under`.
    public var selection: String
    /// The spread (home line) or total; `nil` for a moneyline.
    public var line: Double?
    /// The decimal price taken.
    public var price: Double
    /// The stake, in cents.
    public var stakeCents: Int
    /// The book the bet was made at.
    public var bookmaker: String?
    /// Pending, settled or void.
    public var status: PredictionStatus
    /// The outcome, once settled.
    public var result: PredictionResult?
    /// What the bet won (positive) or lost (negative), in cents, once graded; 0 for a push or a void.
    public var profitCents: Int?
    /// The consensus closing price of the selection at the bet's line, when the books closed there.
    public var closingPrice: Double?
    /// Closing line value: `price / closingPrice − 1`.
    public var clv: Double?
    /// Closing line value against the fair close (the closing line less its margin): what the bet returns on average
    /// if the close was right.
    public var fairCLV: Double?
    /// The client's idempotency key.
    public var clientKey: String?
    /// The fingerprint of the request that made it, to tell a replay from a different request under the same key.
    public var requestHash: String?
    /// When the bet was made.
    public var placedAt: Date
    /// When it was graded or voided.
    public var settledAt: Date?

    /// Creates a bet.
    public init(
        id: Int? = nil, userID: UUID, gameID: Int, predictionID: Int? = nil, sport: String, betType: BetType, selection: String,
        line: Double?, price: Double, stakeCents: Int, bookmaker: String? = nil, status: PredictionStatus = .pending,
        result: PredictionResult? = nil, profitCents: Int? = nil, closingPrice: Double? = nil, clv: Double? = nil,
        fairCLV: Double? = nil,
        clientKey: String? = nil, requestHash: String? = nil, placedAt: Date, settledAt: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.gameID = gameID
        self.predictionID = predictionID
        self.sport = sport
        self.betType = betType
        self.selection = selection
        self.line = line
        self.price = price
        self.stakeCents = stakeCents
        self.bookmaker = bookmaker
        self.status = status
        self.result = result
        self.profitCents = profitCents
        self.closingPrice = closingPrice
        self.clv = clv
        self.fairCLV = fairCLV
        self.clientKey = clientKey
        self.requestHash = requestHash
        self.placedAt = placedAt
        self.settledAt = settledAt
    }
}
