/// Where the prices and results a deployment collects come from, as it declares it: every API answer built on them
/// (predictions, performance, reports, models, games and odds, tracked bets, alerts) says so in `meta.market`, a
/// model's evaluation page in a banner and an alert webhook's body in `market`, so that figures measured on a
/// simulator are never read as an edge in a real market.
///
/// It is the deployment's, not each row's: the collectors of one deployment read one set of upstreams (`aips dev`
/// sets it from the sandbox it serves; `aips api` and the workers from `AIPS_MARKET`, or `simulated` when the
/// collectors are pointed at a sandbox by `AIPS_SANDBOX_URL`).
public enum MarketSource: String, Sendable, Codable, CaseIterable {
    /// Bookmakers' prices and real games, collected from the upstream APIs as they happen.
    case live
    /// The sandbox's simulated world: its games, results and books are generated, so a CLV or ROI measured on them
    /// shows what the pipeline finds in the simulator, not an edge in any real market.
    case simulated
    /// Real historical games and their opening and closing prices, replayed by the sandbox on a moving clock
    /// (`aips dev --replay`).
    case replayed

    /// One sentence for a person, as the model report's banner shows it.
    public var explanation: String {
        switch self {
        case .live: "Prices and results are collected from the upstream APIs as they happen."
        case .simulated:
            "Prices and results come from the sandbox's simulated books and games: the figures show what the pipeline finds "
                + "in the simulator, not an edge in any real market."
        case .replayed:
            "Games, results and opening and closing prices are real history replayed by the sandbox: the figures are "
                + "against a real market's lines, measured in a backtest rather than live."
        }
    }
}
