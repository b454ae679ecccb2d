import Essentials
import Foundation

/// The simulated market. One consensus view per game opens from an estimate noisier than the truth and
/// moves toward it: sharp money arrives in a few seeded bets (most of them early) and removes the opening
/// error, leaving a small closing error; the schedule (rest, travel), the weather and the starting
/// pitchers are priced in part at the open (`pricedAtOpen`) and fully an hour before the start; injuries are
/// read from the list as it stands. The opening error is kept small enough that the mean open-to-close move
/// is about three points of probability (real MLB lines move 2.5), and a quarter (NBA) to three fifths (MLB) of
/// the open-to-close gain is public when the line opens: something a model can find. Pinnacle quotes the consensus as it stands; the US books follow it minutes late and
/// stray from it by about a percentage point of probability, so cross-book arbitrage is rare.
extension SandboxWorld {
    /// How long before the start the market has priced all it will: the closing view.
    static let marketSettlesBeforeStart: TimeInterval = 3_600
    /// The share of the schedule, weather and starter effects the opening line prices: baseball's openers see the
    /// probable starters; basketball's price little of the rest and travel that a schedule shows weeks ahead.
    static func pricedAtOpen(_ sport: SandboxSport) -> Double {
        switch sport {
        case .mlb: 0.5
        case .nba: 0.2
        case .epl, .nhl, .nfl: 0.3
        }
    }

    /// The quotes of `bookmakers` for `game` at `time`; empty before the market opens and after the start.
    ///
    /// The market reads the injury list as it stands: a player hurt after a quote moves the next one.
    public func quotes(_ game: SimulatedGame, bookmakers: [Bookmaker], at time: Date) -> [BookQuote] {
        quotes(game, bookmakers: bookmakers, at: time, listed: nil)
    }

    /// The quotes of `bookmakers` for `game` at `time` when the market reads `listed` as the two teams'
    /// injury lists (`nil`: the lists as they stand when each book last followed the consensus).
    func quotes(
        _ game: SimulatedGame, bookmakers: [Bookmaker], at time: Date, listed: (home: [SimulatedInjury], away: [SimulatedInjury])?
    ) -> [BookQuote] {
        let untilStart = game.startsAt.timeIntervalSince(time)
        guard untilStart > 0, untilStart <= marketOpensBeforeStart else { return [] }
        let model = OutcomeModel(sport: game.sport)
        let opensAt = game.startsAt.addingTimeInterval(-marketOpensBeforeStart)
        // Each book strays from the consensus by a lasting amount and one that drifts along seeded
        // ten-minute points.
        let minute = Int((time.timeIntervalSince1970 / 60).rounded(.down))
        let (bucket, step) = (minute.floorDivided(by: 10), Double(minute.floorModulo(10)) / 10)
        let gameKey = Int(game.espnID) ?? 0
        return bookmakers.enumerated().map { index, book in
            let seen = max(opensAt, time.addingTimeInterval(-book.lag))
            let view = consensusParameters(game, at: seen, listed: listed)
            var lasting = SeededStream(seed: seed, 7, gameKey, index)
            var from = SeededStream(seed: seed, 8, gameKey, index, bucket)
            var to = SeededStream(seed: seed, 8, gameKey, index, bucket + 1)
            let moving = ((1 - step) * from.normal() + step * to.normal(), (1 - step) * from.normal() + step * to.normal())
            let z = (0.6 * lasting.normal() + 0.8 * moving.0, 0.6 * lasting.normal() + 0.8 * moving.1)
            let quoted = model.perturbed(view, z: z, scale: 0.08 * book.noise)
            let lines = model.lines(quoted)
            let (homeWin, draw) = (lines.homeWin, lines.draw)
            // A three-way market prices the draw too: home, draw, away.
            let moneyline = BookQuote.prices(draw > 0 ? [homeWin, draw, 1 - homeWin - draw] : [homeWin, 1 - homeWin], vig: book.vig)
            let spreadPrices = BookQuote.prices(lines.homeCovers, vig: book.vig)
            let totalPrices = BookQuote.prices(lines.over, vig: book.vig)
            let updated = Date(timeIntervalSince1970: Double(minute * 60 + Int(lasting.uniform() * 50)))
            var quote = BookQuote(
                bookmaker: book, lastUpdate: min(updated, time), homePrice: moneyline[0], awayPrice: moneyline[moneyline.count - 1], spread: lines.spread,
                spreadPrices: (spreadPrices.0, spreadPrices.1), total: lines.total, totalPrices: (totalPrices.0, totalPrices.1))
            if moneyline.count == 3 { quote.drawPrice = moneyline[1] }
            return quote
        }
    }

    /// The market's consensus home win probability for `game` at `time` (what the sharp book prices,
    /// without its margin), from the open on; what the closing line converges to, close to the truth but
    /// not equal to it.
    public func consensusHomeWinProbability(_ game: SimulatedGame, at time: Date) -> Double {
        consensusProbability(of: .homeWin, game, at: time)
    }

    /// The market's consensus probability of `event` for `game` at `time`, without a margin: at the open (or
    /// before it) the opening line's, an hour before the start the closing line's. A spread or total at any line,
    /// not only the one the books hang, so the opening line can be scored on the line a forecast was made at.
    public func consensusProbability(of event: SimulatedEvent, _ game: SimulatedGame, at time: Date) -> Double {
        OutcomeModel(sport: game.sport).probability(of: event, consensusView(game, at: time))
    }

    /// The consensus home win probability of `game` at `time` had the market already priced the schedule, the
    /// weather and the starters in full: what a forecaster reading the market then, who also priced those public
    /// signals exactly, would say. At the open it is the ceiling of any model built on the line and those signals;
    /// what is left between it and the truth is the opening error and the injury lists' changes after the open.
    public func consensusHomeWinProbabilityPricingPublicSignals(_ game: SimulatedGame, at time: Date) -> Double {
        OutcomeModel(sport: game.sport).homeWin(consensusView(game, at: time, pricedShare: 1))
    }

    /// The consensus view of `game`'s parameters at `time`, no earlier than the open, reading the injury lists as
    /// they stand then.
    private func consensusView(_ game: SimulatedGame, at time: Date, pricedShare: Double? = nil) -> GameParameters {
        let opensAt = game.startsAt.addingTimeInterval(-marketOpensBeforeStart)
        return consensusParameters(game, at: max(opensAt, time), listed: nil, pricedShare: pricedShare)
    }

    /// How far the market has come from its opening view (0) to its closing view (1) at `time`: a tenth
    /// of the way in proportion to time, the rest in five seeded sharp bets of seeded sizes, most of them
    /// soon after the open; all of it an hour before the start.
    func marketProgress(_ game: SimulatedGame, at time: Date) -> Double {
        let opensAt = game.startsAt.addingTimeInterval(-marketOpensBeforeStart)
        let window = marketOpensBeforeStart - Self.marketSettlesBeforeStart
        guard window > 0 else { return 1 }
        let elapsed = time.timeIntervalSince(opensAt) / window
        guard elapsed < 1 else { return 1 }
        guard elapsed > 0 else { return 0 }
        var random = SeededStream(seed: seed, 12, Int(game.espnID) ?? 0)
        let bets = (0..<5).map { _ in (at: pow(random.uniform(), 2), size: -log(random.uniform())) }
        let total = bets.reduce(0) { $0 + $1.size }
        let placed = bets.filter { $0.at <= elapsed }.reduce(0) { $0 + $1.size }
        return 0.1 * elapsed + 0.9 * placed / total
    }

    /// The consensus view of `game`'s parameters at `time`: the truth's conditions with the opening error
    /// shrunk by the market's progress, the closing error, the late-priced effects priced in part, and the
    /// market's reading of the injuries listed at `time` (or of `listed`); `pricedShare` replaces the share of the
    /// late-priced effects the market has priced by then.
    func consensusParameters(
        _ game: SimulatedGame, at time: Date, listed: (home: [SimulatedInjury], away: [SimulatedInjury])?, pricedShare: Double? = nil
    ) -> GameParameters {
        let progress = marketProgress(game, at: time)
        var errors = SeededStream(seed: seed, 11, Int(game.espnID) ?? 0)
        let (openingGap, closingGap, openingScoring, closingScoring) = (errors.normal(), errors.normal(), errors.normal(), errors.normal())
        // Standard deviations of the closing and opening errors: points of margin and of total (NBA), runs
        // of margin and a log factor on runs (MLB), goals of margin and a log factor on goals (EPL).
        let (gap, scoring): ((closing: Double, opening: Double), (closing: Double, opening: Double)) =
            switch game.sport {
            case .nba: ((0.3, 0.5), (1.0, 3.0))
            case .mlb: ((0.04, 0.14), (0.012, 0.04))
            case .epl: ((0.03, 0.15), (0.01, 0.04))
            case .nhl: ((0.03, 0.15), (0.01, 0.04))
            // Football: points of margin as in basketball, a log factor on points as in baseball.
            case .nfl: ((0.3, 1.2), (0.012, 0.04))
            }
        let gapError = gap.closing * closingGap + gap.opening * openingGap * (1 - progress)
        let scoringError = scoring.closing * closingScoring + scoring.opening * openingScoring * (1 - progress)
        let atOpen = Self.pricedAtOpen(game.sport)
        let seen = game.conditions.priced(share: pricedShare ?? atOpen + (1 - atOpen) * progress)
            .mistaken(gap: gapError, scoring: scoringError)
        let lists = listed ?? (
            home: injuries(game.sport, team: game.teamIndices.home, at: time),
            away: injuries(game.sport, team: game.teamIndices.away, at: time)
        )
        return seen.parameters(losses: (marketLoss(lists.home), marketLoss(lists.away)))
    }

    /// What the market believes `listed` costs a team: each player's loss times a lognormal error of
    /// about 15 %, fixed per injury.
    private func marketLoss(_ listed: [SimulatedInjury]) -> Double {
        listed.reduce(0) { sum, injury in
            var random = SeededStream(seed: seed, 9, Int(injury.id) ?? 0)
            return sum + injury.loss * exp(0.15 * random.normal() - 0.01)
        }
    }
}
