import Essentials
import Foundation
import Store

/// A tracked bet as the API shows it; money in the bankroll's currency.
struct BetView: Encodable, Sendable {
    var id: Int
    var gameId: Int
    var predictionId: Int?
    var sport: String
    var betType: String
    var selection: String
    var line: Double?
    /// The decimal price.
    var price: Double
    var americanPrice: Double?
    var stake: Double
    /// What a win returns, stake included.
    var potentialPayout: Double
    var bookmaker: String?
    var status: String
    var result: String?
    var profit: Double?
    var closingPrice: Double?
    var clv: Double?
    /// CLV against the fair close (the closing line less its margin).
    var fairClv: Double?
    var clientKey: String?
    var placedAt: Date
    var settledAt: Date?

    init(_ bet: TrackedBet) {
        id = bet.id ?? 0
        gameId = bet.gameID
        predictionId = bet.predictionID
        sport = bet.sport
        betType = bet.betType.rawValue
        selection = bet.selection
        line = bet.line
        price = bet.price
        americanPrice = Self.americanPrice(bet.price)
        stake = Money.amount(bet.stakeCents)
        potentialPayout = Money.amount(Int((Double(bet.stakeCents) * bet.price).rounded(.towardZero)))
        bookmaker = bet.bookmaker
        status = bet.status.rawValue
        result = bet.result?.rawValue
        profit = bet.profitCents.map(Money.amount)
        closingPrice = bet.closingPrice
        clv = bet.clv
        fairClv = bet.fairCLV
        clientKey = bet.clientKey
        placedAt = bet.placedAt
        settledAt = bet.settledAt
    }

    /// The American form of a decimal price, as bets and stake suggestions show it beside the decimal one: whole.
    static func americanPrice(_ decimal: Double) -> Double? {
        OddsConversion.american(fromDecimal: decimal)?.rounded()
    }
}
