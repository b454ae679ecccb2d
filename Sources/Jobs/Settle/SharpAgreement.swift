import Essentials
import Foundation
import Store

/// Whether a pick agreed with the sharpest book (the seed's Sharp Agreement KPI).
///
/// Definition, for one pick on a two-way market (home/away, over/under):
/// 1. **The sharp book** is `pinnacle` when it has a complete close for the market at the pick's line (both
///    sides, at the same point as the pick); otherwise, of the books with a complete close there, the one with
///    the lowest overround (ties to the book key first in order). No such book: the pick is not judged (`nil`).
/// 2. **Its no-vig probability** of the pick's side is 1/price_pick ÷ (1/price_pick + 1/price_other), read at
///    close (its closing lines) and at publication (its latest quote of both sides at the pick's line at or
///    before `publishedAt`).
/// 3. **Moved toward**: when both exist and differ by more than `tolerance` (0.1 point of probability), the
///    pick agrees when the close is higher than at publication — the sharp book moved toward it.
/// 4. **Did not move** (or no quote at publication): the pick agrees when it is on the sharp book's no-vig
///    favourite at close (probability above 0.5); an exact 0.5 close is not judged.
///
/// Sharp agreement over a group is the share of judged settled picks that agree.
enum SharpAgreement {
    /// The book taken as the sharpest when it quotes the market.
    static let sharpestBook = "pinnacle"
    /// Moves of no-vig probability at most this big count as no move.
    static let tolerance = 0.001

    /// Whether `pick` agreed with the sharp book, given the game's odds at publication and closing lines;
    /// `nil` when it cannot be judged.
    static func agrees(pick: Prediction, atPublication snapshots: [OddsSnapshot], closing: [ClosingLine]) -> Bool? {
        guard let market = OddsMarket.key(for: pick.betType), let other = opposite(of: pick.selection) else { return nil }
        let pickPoint = OddsMarket.point(betType: pick.betType, selection: pick.selection, line: pick.line)
        let otherPoint = OddsMarket.point(betType: pick.betType, selection: other, line: pick.line)
        // Each book's closing (pick price, other price) at the pick's line.
        var closes: [String: (pick: Double, other: Double)] = [:]
        for book in Set(closing.map(\.bookmaker)) {
            let lines = closing.filter { $0.bookmaker == book && $0.gameID == pick.gameID && $0.market == market }
            guard let p = lines.first(where: { $0.outcome == pick.selection && samePoint($0.point, pickPoint) })?.price,
                let o = lines.first(where: { $0.outcome == other && samePoint($0.point, otherPoint) })?.price
            else { continue }
            closes[book] = (p, o)
        }
        let book: String
        if closes[sharpestBook] != nil {
            book = sharpestBook
        } else {
            guard let lowest = closes.min(by: { a, b in (1 / a.value.pick + 1 / a.value.other, a.key) < (1 / b.value.pick + 1 / b.value.other, b.key) })
            else { return nil }
            book = lowest.key
        }
        guard let close = closes[book].flatMap(noVig) else { return nil }
        let quotes = snapshots.filter { $0.bookmaker == book && $0.gameID == pick.gameID && $0.market == market }
        if let p = quotes.first(where: { $0.outcome == pick.selection && samePoint($0.point, pickPoint) })?.price,
            let o = quotes.first(where: { $0.outcome == other && samePoint($0.point, otherPoint) })?.price,
            let open = noVig((p, o)), abs(close - open) > tolerance
        {
            return close > open
        }
        guard close != 0.5 else { return nil }
        return close > 0.5
    }

    private static func noVig(_ prices: (pick: Double, other: Double)) -> Double? {
        guard prices.pick > 1, prices.other > 1 else { return nil }
        return OddsConversion.noVigProbabilities(decimalPrices: [prices.pick, prices.other])?.first
    }

    private static func opposite(of selection: String) -> String? {
        switch selection {
        case "home": "away"
        case "away": "home"
        case "over": "under"
        case "under": "over"
        default: nil
        }
    }

    private static func samePoint(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): abs(a - b) < 1e-6
        default: false
        }
    }
}
