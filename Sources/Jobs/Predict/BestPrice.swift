import Store

/// The best price the books offer on one selection at the line a prediction is about.
public enum BestPrice {
    /// The highest decimal price among `snapshots` for `selection` of `betType`, counting for spreads and
    /// totals only books that hang the same line (`line` is the home spread or the total): a price at another
    /// line is a different bet. `nil` when no book offers it.
    public static func price(
        in snapshots: [OddsSnapshot], betType: BetType, selection: String, line: Double?
    ) -> (price: Double, bookmaker: String)? {
        guard let market = OddsMarket.key(for: betType) else { return nil }
        if betType != .moneyline && line == nil { return nil }
        let point = OddsMarket.point(betType: betType, selection: selection, line: line)
        return snapshots.filter { snapshot in
            snapshot.market == market && snapshot.outcome == selection
                && (point.map { p in snapshot.point.map { abs($0 - p) < 1e-9 } ?? false } ?? true)
        }
        .max { ($0.price, $1.bookmaker) < ($1.price, $0.bookmaker) }
        .map { ($0.price, $0.bookmaker) }
    }
}
