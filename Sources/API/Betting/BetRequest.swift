import Essentials
import Foundation
import Store

/// The body of `POST /betting/bets`: a bet copied from a pick (`prediction_id`) or entered by hand (`game_id`,
/// `bet_type`, `selection`, `line`), with its stake, and a price in decimal (`price`) or American
/// (`american_price`) odds — a pick's own price when neither is sent.
struct BetRequest: Decodable, Sendable {
    var predictionId: Int?
    var gameId: Int?
    var betType: String?
    var selection: String?
    var line: Double?
    var price: Double?
    var americanPrice: Double?
    var stake: Double
    var bookmaker: String?
    var clientKey: String?

    /// The request checked and normalized: what the bet will be made of, before the pick or game is read.
    struct Checked: Sendable {
        enum Source: Sendable {
            case pick(predictionID: Int)
            case manual(gameID: Int, betType: BetType, selection: String, line: Double?, price: Double)
        }

        var source: Source
        /// A decimal price sent with a pick, taken instead of the pick's.
        var pickPrice: Double?
        var stakeCents: Int
        var bookmaker: String?

        /// A fingerprint of the normalized request: the same bet asked again (in either price format) matches.
        var fingerprint: String {
            var parts: [String]
            switch source {
            case .pick(let id):
                parts = ["pick", String(id), pickPrice.map { "\($0)" } ?? ""]
            case .manual(let game, let type, let selection, let line, let price):
                parts = ["manual", String(game), type.rawValue, selection, line.map { "\($0)" } ?? "", "\(price)"]
            }
            parts += [String(stakeCents), bookmaker ?? ""]
            return Digest.sha256.hex(parts.joined(separator: "\u{1F}"))
        }
    }

    /// The selection of a three-way moneyline's draw; whether the game's sport has one is checked once it is read.
    static let draw = "draw"

    /// Checks every field; a 400 naming the first bad one.
    func checked() throws -> Checked {
        let stakeCents = try Money.cents(stake, field: "stake")
        if let bookmaker, !(1...64).contains(bookmaker.count) {
            throw APIError.validation("bookmaker must be 1 to 64 characters", field: "bookmaker")
        }
        let decimal = try checkedPrice()
        if let predictionId {
            guard predictionId > 0 else { throw APIError.validation("prediction_id must be a positive integer", field: "prediction_id") }
            let copied = [("game_id", gameId != nil), ("bet_type", betType != nil), ("selection", selection != nil), ("line", line != nil)]
            if let field = copied.first(where: \.1)?.0 {
                throw APIError.validation("\(field) comes from the pick; do not send it with prediction_id", field: field)
            }
            return Checked(source: .pick(predictionID: predictionId), pickPrice: decimal, stakeCents: stakeCents, bookmaker: bookmaker)
        }
        guard let gameId else { throw APIError.validation("game_id is required without prediction_id", field: "game_id") }
        guard gameId > 0 else { throw APIError.validation("game_id must be a positive integer", field: "game_id") }
        guard let betType else { throw APIError.validation("bet_type is required without prediction_id", field: "bet_type") }
        guard let type = BetType(rawValue: betType), type != .playerProp else {
            throw APIError.validation("bet_type must be one of spread, moneyline, total", field: "bet_type")
        }
        let sides = type == .total ? ["over", "under"] : type == .moneyline ? ["home", "away", Self.draw] : ["home", "away"]
        guard let selection, sides.contains(selection) else {
            let choices = sides.dropLast().joined(separator: ", ") + " or " + sides.last!
            throw APIError.validation("selection of a \(type.rawValue) bet must be \(choices)", field: "selection")
        }
        switch (type, line) {
        case (.moneyline, nil):
            break
        case (.moneyline, _):
            throw APIError.validation("a moneyline bet has no line", field: "line")
        case (_, nil):
            throw APIError.validation("line is required for a \(type.rawValue) bet", field: "line")
        case (_, let line?):
            guard line.isFinite, abs(line) <= 1000, type == .spread || line > 0 else {
                throw APIError.validation("line must be a number within ±1000 (a total above 0)", field: "line")
            }
        }
        guard let decimal else { throw APIError.validation("price or american_price is required without prediction_id", field: "price") }
        return Checked(
            source: .manual(gameID: gameId, betType: type, selection: selection, line: line, price: decimal), stakeCents: stakeCents,
            bookmaker: bookmaker)
    }

    /// The decimal price from `price` or `american_price` (not both), or `nil` when neither was sent.
    private func checkedPrice() throws -> Double? {
        switch (price, americanPrice) {
        case (nil, nil):
            return nil
        case (_?, _?):
            throw APIError.validation("send price (decimal) or american_price, not both", field: "american_price")
        case (let price?, nil):
            guard price.isFinite, price > 1, price <= 1001 else {
                throw APIError.validation("price must be decimal odds above 1 and at most 1001", field: "price")
            }
            return price
        case (nil, let american?):
            guard abs(american) <= 100_000, let decimal = OddsConversion.decimal(fromAmerican: american) else {
                throw APIError.validation("american_price must be at least +100 or at most -100 (within ±100000)", field: "american_price")
            }
            return decimal
        }
    }
}
