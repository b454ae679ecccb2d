import Foundation
import Jobs
import Sandbox
import SandboxSupport
import Store
import Testing

/// The priced-props pipeline on a simulated day: games, Statcast (batters named by a batter search), odds (event
/// ids), the books' `batter_hits` props, then `predict.props` prices every forecast; with no settled priced props to
/// show the model beats the books, each is the books' price and none is a pick. A day later they are graded, and they
/// are the history the market anchor learns from.
@Suite struct SandboxPropPipelineTests {
    @Test func aSimulatedSlateGetsPricedPropsThatStayAtTheMarketUntilTheModelProvesItself() async throws {
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
            // No settled priced prop has shown the model knows more than the books (its held-out error is the league
            // average's): every forecast is the books' no-vig price and nothing is a pick. Betting the model's own
            // probabilities here lost 23 % of the stakes.
            #expect(run.anchorWeight == 0 && run.picks == 0, "mean pick edge \(meanEdge)")
            func stored() async throws -> [Prediction] {
                try await store.predictions.predictions(
                    sport: "mlb", from: Date(timeIntervalSince1970: 0), to: Date().addingTimeInterval(86_400)
                ).filter { $0.betType == .playerProp }
            }
            let forecasts = try await stored()
            #expect(forecasts.count == run.predictions)
            for forecast in forecasts {
                let market = try #require(forecast.componentProbabilities["market_over"])
                let over = forecast.selection.hasSuffix("hits_over") ? forecast.probability : 1 - forecast.probability
                #expect(abs(over - market) < 1e-9 && !forecast.pick && forecast.stake == 0)
            }

            // A day later: the slate is final, its Statcast collected, the forecasts graded with the models they carry.
            sandbox.clock.advance(by: 86_400)
            _ = try await games.collect(CollectGames(sport: "mlb", dates: ["20260509"]), jobID: "games-final", logger: logger)
            _ = try await statcast.collect(CollectStatcast(from: "2026-05-09", to: "2026-05-09"), jobID: "statcast-final", logger: logger)
            _ = try await PredictionSettler(store: store, now: configuration.now)
                .settle(SettlePredictions(sport: "mlb"), jobID: "settle", logger: logger)
            let graded = try await stored().filter { $0.status == .settled }
            #expect(graded.count > 0 && graded.allSatisfy { $0.profit == 0 })
            // They are the history the anchor learns from: a next run reads them.
            let history = try await store.playerProps.settledPricedForecasts(
                sport: "mlb", asOf: configuration.now().addingTimeInterval(86_400), limit: 100_000)
            #expect(history.count == graded.filter { $0.result == .win || $0.result == .loss }.count)
        }
        await store.shutdown()
    }
}
