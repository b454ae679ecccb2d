import Foundation
import Logging
import Postgres
import Store

/// `settle`: grades pending predictions of final games, voids those of cancelled or postponed games,
/// rebuilds the daily reports of the days touched, and refreshes the accuracy/CLV/ROI metrics.
///
/// Grading a forecast: the result of its selection from the final score (`BetGrader`), and the closing price
/// from the consensus of the books' closing lines at its line (`ClosingConsensus`). A forecast that is not a
/// pick stops there: no CLV, zero profit. A pick also gets its CLV — its published price against that close,
/// which follows the publication since lines close at the start (`ClosingLineValue`) — its profit at its stake
/// and price (at the closing price when it has none, zero without either), and whether it agreed with the
/// sharpest book between publication and close (`SharpAgreement`).
/// Batter-hits props (`BatterHitsProp`) are graded from the game's Statcast lines once they are stored (until
/// then they stay pending): the Over wins above the line, the Under below it; a priced prop pick earns its profit
/// at its stake and price, a prop forecast zero; props get no closing price or CLV (prop lines are not captured at
/// the close); a batter without a plate appearance in the game is voided, as books void a player who does not play.
/// NBA player-points props (`PlayerPointsProp`) are graded the same way from the game's stored box score
/// (`player_game_points`): pending until it is stored, void for a player listed as not playing or not listed.
/// Users' tracked bets of settled games are graded in the same run (`TrackedBetSettler`), and so are the
/// unpublished forecasts of shadow models awaiting review (`ShadowForecastGrader`).
public struct PredictionSettler: Sendable {
    /// The window of the trailing metrics and of each report's `trailing_30_days`.
    static let trailingWindow: TimeInterval = 30 * 86_400

    private let store: Store
    private let now: @Sendable () -> Date

    /// A settler writing to `store`; `now` dates settlements, reports and the trailing window.
    public init(store: Store, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.now = now
    }

    /// Runs the job with id `jobID`; results by sport.
    ///
    /// Each sport's writes commit in one transaction recorded under the effect id `<job id>/<sport>`,
    /// so a redelivered job writes nothing. Settling also only ever changes pending predictions, so
    /// two different runs racing over the same game grade each prediction once.
    public func settle(_ parameters: SettlePredictions, jobID: String, logger: Logger) async throws -> [String: SettlementRun] {
        let candidates = try await store.predictions.gamesToSettle(sport: parameters.sport, gameID: parameters.gameID)
        var runs: [String: SettlementRun] = [:]
        for sport in Set(candidates.map(\.sport)).sorted() {
            let outcome = try await store.withJobEffect(jobID: "\(jobID)/\(sport)") { tx in
                try await settle(sport: sport, gameID: parameters.gameID, in: tx)
            }
            switch outcome {
            case .applied(let run):
                runs[sport] = run
                SettleMetrics.settled(sport: sport, run)
                logger.info(
                    "settled predictions",
                    metadata: [
                        "sport": "\(sport)", "games_graded": "\(run.gamesGraded)", "games_voided": "\(run.gamesVoided)",
                        "wins": "\(run.wins)", "losses": "\(run.losses)", "pushes": "\(run.pushes)", "voids": "\(run.voids)",
                        "without_closing_price": "\(run.withoutClosingPrice)", "reports": "\(run.reportDays)",
                    ])
            case .alreadyApplied:
                runs[sport] = SettlementRun(applied: false)
            }
        }
        let bets = try await TrackedBetSettler(store: store, now: now).settle(sport: parameters.sport, gameID: parameters.gameID, jobID: jobID)
        if bets.graded > 0 {
            SettleMetrics.settledBets(bets)
            logger.info(
                "settled tracked bets",
                metadata: ["wins": "\(bets.wins)", "losses": "\(bets.losses)", "pushes": "\(bets.pushes)", "voids": "\(bets.voids)"])
        }
        let shadows = try await ShadowForecastGrader(store: store).grade(sport: parameters.sport)
        if shadows > 0 { logger.info("graded shadow forecasts", metadata: ["graded": "\(shadows)"]) }
        let end = now()
        SettleMetrics.trailing(
            try await store.predictions.performance(sport: parameters.sport, from: end.addingTimeInterval(-Self.trailingWindow), to: end))
        return runs
    }

    private func settle(sport: String, gameID: Int?, in tx: PostgresConnection) async throws -> SettlementRun {
        let settledAt = now()
        var run = SettlementRun()
        var days: Set<String> = []
        // Read again inside the transaction: another run may have settled some since the first look.
        for game in try await tx.predictions.gamesToSettle(sport: sport, gameID: gameID) {
            guard let id = game.id else { continue }
            var changed = false
            let pending = try await tx.predictions.pending(gameID: id)
            if game.status == .cancelled || game.status == .postponed {
                for prediction in pending {
                    guard let predictionID = prediction.id, try await tx.predictions.void(id: predictionID, at: settledAt) else { continue }
                    run.voids += 1
                    changed = true
                }
                if changed { run.gamesVoided += 1 }
            } else if let homeScore = game.homeScore, let awayScore = game.awayScore {
                let lines = try await tx.closingLines.lines(gameID: id)
                // The odds each pick was published against, read once per publication time.
                var oddsAt: [Date: [OddsSnapshot]] = [:]
                for publishedAt in Set(pending.filter(\.pick).compactMap(\.publishedAt)) {
                    oddsAt[publishedAt] = try await tx.odds.latest(gameID: id, asOf: publishedAt)
                }
                var batterLines: [Int: BatterGameHits]?
                var playerPoints: [Int: PlayerGamePoints]?
                for prediction in pending {
                    guard let predictionID = prediction.id else { continue }
                    let settlement: PredictionSettlement
                    if prediction.betType == .playerProp, let prop = PlayerPointsProp(selection: prediction.selection) {
                        guard let line = prediction.line else { continue }
                        if playerPoints == nil {
                            playerPoints = Dictionary(
                                try await tx.playerPoints.games(gameID: id).map { ($0.playerID, $0) },
                                uniquingKeysWith: { first, _ in first })
                        }
                        // No box score stored for the game yet: wait for it.
                        guard let playerPoints, !playerPoints.isEmpty else { continue }
                        guard let player = playerPoints[prop.playerID], !player.didNotPlay, let points = player.points else {
                            guard try await tx.predictions.void(id: predictionID, at: settledAt) else { continue }
                            run.voids += 1
                            changed = true
                            continue
                        }
                        settlement = Self.settlement(of: prediction, result: prop.result(points: points, line: line))
                    } else if prediction.betType == .playerProp {
                        guard let prop = BatterHitsProp(selection: prediction.selection), let line = prediction.line else { continue }
                        if batterLines == nil {
                            batterLines = Dictionary(
                                try await tx.playerProps.batterGames(gameID: id).map { ($0.batterID, $0) },
                                uniquingKeysWith: { first, _ in first })
                        }
                        // No Statcast for the game yet: wait for it.
                        guard let batterLines, !batterLines.isEmpty else { continue }
                        guard let batter = batterLines[prop.batterID] else {
                            guard try await tx.predictions.void(id: predictionID, at: settledAt) else { continue }
                            run.voids += 1
                            changed = true
                            continue
                        }
                        settlement = Self.settlement(of: prediction, prop: prop, hits: batter.hits, line: line)
                    } else {
                        guard
                            let grade = BetGrader.grade(
                                betType: prediction.betType, selection: prediction.selection, line: prediction.line, homeScore: homeScore,
                                awayScore: awayScore, threeWay: CollectedSport.hasDraw(sport))
                        else { continue }
                        settlement = Self.settlement(
                            of: prediction, grade: grade, closingLines: lines,
                            oddsAtPublication: prediction.publishedAt.flatMap { oddsAt[$0] } ?? [])
                    }
                    guard try await tx.predictions.settle(id: predictionID, settlement, at: settledAt) else { continue }
                    switch settlement.result {
                    case .win: run.wins += 1
                    case .loss: run.losses += 1
                    case .push: run.pushes += 1
                    }
                    if prediction.pick && settlement.closingPrice == nil { run.withoutClosingPrice += 1 }
                    changed = true
                }
                if changed { run.gamesGraded += 1 }
            }
            if changed { days.insert(DailyReport.day(of: game.scheduledAt)) }
        }
        for day in days.sorted() {
            guard let start = DailyReport.start(ofDay: day) else { continue }
            let end = start.addingTimeInterval(86_400)
            let report = DailyReportBuilder.build(
                day: day, sport: sport, generatedAt: settledAt,
                performance: try await tx.predictions.performance(sport: sport, from: start, to: end),
                trailing: try await tx.predictions.performance(sport: sport, from: end.addingTimeInterval(-Self.trailingWindow), to: end),
                graded: try await tx.predictions.graded(sport: sport, from: start, to: end))
            try await tx.dailyReports.upsert(report)
            run.reportDays.append(day)
        }
        return run
    }

    /// The grading of a batter-hits prop with `hits` at `line`: a pick is paid at its price and stake, anything else
    /// (a forecast, or a pick without a price) earns nothing.
    static func settlement(of prediction: Prediction, prop: BatterHitsProp, hits: Int, line: Double) -> PredictionSettlement {
        settlement(of: prediction, result: prop.result(hits: hits, line: line))
    }

    /// The grading of a player prop with `result`: a pick is paid at its price and stake, anything else earns nothing.
    static func settlement(of prediction: Prediction, result: PredictionResult) -> PredictionSettlement {
        guard prediction.pick, let price = prediction.price else { return PredictionSettlement(result: result, profit: 0) }
        return PredictionSettlement(result: result, profit: BetGrade(result).profit(stake: prediction.stake, decimalPrice: price))
    }

    /// The grading of `prediction` with `grade` (a quarter line's halves paid one by one), given the game's closing
    /// lines and the odds as they were when it was published.
    static func settlement(
        of prediction: Prediction, grade: BetGrade, closingLines: [ClosingLine], oddsAtPublication: [OddsSnapshot] = []
    ) -> PredictionSettlement {
        let result = grade.result
        let closingPrice = ClosingConsensus.price(for: prediction, in: closingLines)
        // A forecast that is not a pick was never staked: its outcome scores the forecast, nothing more.
        guard prediction.pick else { return PredictionSettlement(result: result, closingPrice: closingPrice, profit: 0) }
        let price = prediction.price ?? closingPrice
        return PredictionSettlement(
            result: result, closingPrice: closingPrice,
            clv: prediction.price.flatMap { price in closingPrice.flatMap { ClosingLineValue.of(price: price, closingPrice: $0) } },
            fairCLV: prediction.price.flatMap { price in
                ClosingConsensus.fairPrice(for: prediction, in: closingLines).flatMap { ClosingLineValue.of(price: price, closingPrice: $0) }
            },
            profit: price.map { grade.profit(stake: prediction.stake, decimalPrice: $0) } ?? 0,
            sharpAgreement: SharpAgreement.agrees(pick: prediction, atPublication: oddsAtPublication, closing: closingLines))
    }
}
