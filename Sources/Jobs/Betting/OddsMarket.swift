import Store

/// How a prediction's bet type, selection and line are named in `odds` and `closing_lines`.
///
/// The odds collector stores The Odds API's market keys (`h2h`, `spreads`, `totals`) and names
/// outcomes `home`, `away`, `over`, `under` — the same words predictions use for their selection.
/// Each outcome carries its own point: the away side of a home −3.5 spread is stored at +3.5, while
/// a spread prediction's line is always the home line (see `BetGrader`).
public enum OddsMarket {
    /// The market key of `betType`: `spreads`, `h2h` or `totals`; `nil` for player props, which the
    /// odds collector does not collect.
    public static func key(for betType: BetType) -> String? {
        switch betType {
        case .spread: "spreads"
        case .moneyline: "h2h"
        case .total: "totals"
        case .playerProp: nil
        }
    }

    /// The point stored with the outcome `selection` for a prediction at `line`: the home line for
    /// `home`, its negation for `away`, the total for `over`/`under`, `nil` for a moneyline.
    public static func point(betType: BetType, selection: String, line: Double?) -> Double? {
        switch (betType, selection) {
        case (.spread, "away"): line.map { -$0 }
        case (.moneyline, _): nil
        default: line
        }
    }
}
