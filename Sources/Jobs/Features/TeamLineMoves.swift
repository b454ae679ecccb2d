import Foundation
import ML
import Store

/// How far the market moved toward each team between the open and the close of its recent games (`line_drift_*`, v9).
///
/// A book whose openers lag what its closes have learnt about a team moves the same way, game after game, until the
/// opener catches up. On the real MLB lines (`bench/Replay/market_reference.py`) the two teams' mean moves over their
/// last 20 games, fitted to the closes, foretell a few per cent of the next game's open→close move; an opening line
/// alone foretells none of it.
enum TeamLineMoves {
    /// The finished games a team's drift averages over.
    static let window = 20

    /// The share of the two teams' drift difference the next game's line moves by, in log-odds (`line_adjust_drift`):
    /// fitted to the closes of the real MLB 2014–15 lines, 0.39 ± 0.03 (2016's, held out, 0.40 ± 0.05).
    static let worth = 0.4

    /// Each game's move: the consensus no-vig log-odds of a home win at its last prices before the start minus at the
    /// first (``LineConsensus``, moneyline only), by game id. `lines` are the games' moneyline `OddsLine`s read as of
    /// each one's start; a game without both sides priced has no move.
    static func moves(_ lines: [OddsLine]) -> [Int: Double] {
        var moves: [Int: Double] = [:]
        for (gameID, lines) in Dictionary(grouping: lines, by: \.gameID) {
            guard let movement = LineConsensus(lines: lines).homeWinProbability else { continue }
            moves[gameID] = MarketPrior.logit(movement.current) - MarketPrior.logit(movement.open)
        }
        return moves
    }

    /// The finished games whose moves the features of games from `asOf` on can read: each team's last `window`
    /// games known at `asOf`, and every game after. `finished` is in start order.
    static func games(_ finished: [Game], from asOf: Date) -> [Game] {
        let known =
            finished.firstIndex { $0.scheduledAt.addingTimeInterval(FeatureSourceRepository.resultDelay) > asOf } ?? finished.endIndex
        var counts: [Int: Int] = [:]
        var earlier: [Game] = []
        for game in finished[..<known].reversed() {
            let needed = [game.homeTeamID, game.awayTeamID].contains { counts[$0, default: 0] < window }
            guard needed else { continue }
            earlier.append(game)
            counts[game.homeTeamID, default: 0] += 1
            counts[game.awayTeamID, default: 0] += 1
        }
        return earlier.reversed() + finished[known...]
    }

    /// The mean move toward the team over the last `window` games of its log that have one; `nil` when none has.
    static func mean(_ log: [TeamResult]) -> Double? {
        let moves = log.suffix(window).compactMap(\.lineMove)
        return moves.isEmpty ? nil : moves.reduce(0, +) / Double(moves.count)
    }
}
