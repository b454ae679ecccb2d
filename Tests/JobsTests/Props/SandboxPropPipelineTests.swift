import Foundation
import Jobs
import Sandbox
import SandboxSupport
import Store
import Testing

/// The priced-props pipeline on a simulated day: games, Statcast (batters named by a batter search), odds (event
/// ids), the books' `batter_hits` props, then `predict.props` prices every forecast and picks where the policy
/// finds an edge; a day later the picks are settled from the day's Statcast at their prices.
@Suite struct SandboxPropPipelineTests {
    @Test func aSimulatedSlateGetsPricedPropsAndPicksSettledAtTheirPrices() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            var configuration = CollectorConfiguration.sandbox(sandbox, sports: ["mlb"])
            configuration.savant = SavantConfiguration(baseURL: sandbox.baseURL)
            let upstream = UpstreamClient()
            let logger = CollectTestSupport.logger
            // Five weeks of history and today's slate (Saturday 2026-05-09, noon Eastern).
            let dates = (4...30).map { String(format: "202604%02d", $0) } + (1...9).map { "2026050\($0)" }
            let games = GamesCollector(configuration: configuration, store: store, upstream: upstream)
            let statcast = StatcastCollector(
                client: SavantClient(configuration: configuration.savant, upstream: upstream), store: store, now: configuration.now)
            _ = try await games.collect(CollectGames(sport: "mlb", dates: dates), jobID: "games", logger: logger)
            _ = try await statcast.collect(CollectStatcast(from: "2026-04-04", to: "2026-05-08"), jobID: "statcast", logger: logger)
            _ = try await OddsCollector(configuration: configuration, store: store, upstream: upstream)
                .collect(CollectOdds(sport: "mlb", includeScores: false), jobID: "odds", logger: logger)
            let props = try await PropOddsCollector(configuration: configuration, store: store, upstream: upstream)
                .collect(CollectPropOdds(), jobID: "prop-odds", logger: logger)
            #expect(props.events > 10 && props.pricesWritten > 0)

            let run = try await PropPredictor(store: store, now: configuration.now).run(PredictProps(), jobID: "props", logger: logger)
            let meanEdge = run.picks > 0 ? run.pickEdgeSum / Double(run.picks) : .nan
            print(
                "simulated slate: \(run.games) games, \(run.predictions) props, \(run.priced) priced, \(run.picks) picks,"
                    + " mean pick edge \(meanEdge), held-out RMSE \(run.rmse ?? .nan) vs baseline \(run.baselineRMSE ?? .nan)")
            #expect(run.predictions > 0)
            // Every batter the books quote is one Statcast named: each prop is priced.
            #expect(run.priced == run.predictions)
            #expect(run.picks > 0 && run.picks < run.priced && meanEdge > 0)
            func stored() async throws -> [Prediction] {
                try await store.predictions.predictions(
                    sport: "mlb", from: Date(timeIntervalSince1970: 0), to: Date().addingTimeInterval(86_400)
                ).filter { $0.betType == .playerProp }
            }
            let picks = try await stored().filter(\.pick)
            #expect(picks.count == run.picks)
            #expect(picks.allSatisfy { $0.price != nil && $0.bookmaker != nil && $0.stake > 0 && $0.edge > 0 })

            // A day later: the slate is final, its Statcast collected, the picks settled at their prices.
            sandbox.clock.advance(by: 86_400)
            _ = try await games.collect(CollectGames(sport: "mlb", dates: ["20260509"]), jobID: "games-final", logger: logger)
            _ = try await statcast.collect(CollectStatcast(from: "2026-05-09", to: "2026-05-09"), jobID: "statcast-final", logger: logger)
            _ = try await PredictionSettler(store: store, now: configuration.now)
                .settle(SettlePredictions(sport: "mlb"), jobID: "settle", logger: logger)
            let settled = try await stored().filter(\.pick)
            #expect(settled.allSatisfy { $0.status != .pending })
            let graded = settled.filter { $0.status == .settled }
            let staked = graded.reduce(0) { $0 + $1.stake }
            let profit = graded.reduce(0) { $0 + ($1.profit ?? 0) }
            let won = graded.filter { $0.result == .win }.count
            let meanProbability = graded.reduce(0) { $0 + $1.probability } / Double(max(1, graded.count))
            print(
                "settled picks: \(graded.count) (\(settled.count - graded.count) void), won \(won) "
                    + "(\(Double(won) / Double(max(1, graded.count))) against a mean forecast \(meanProbability)), "
                    + "staked \(staked), profit \(profit), ROI \(profit / max(staked, 1e-9))")
            #expect(graded.count > 0)
            #expect(
                graded.allSatisfy { prediction in
                    let expected = prediction.result == .win ? prediction.stake * (prediction.price! - 1) : -prediction.stake
                    return abs((prediction.profit ?? .nan) - expected) < 1e-9
                })
        }
        await store.shutdown()
    }
}
