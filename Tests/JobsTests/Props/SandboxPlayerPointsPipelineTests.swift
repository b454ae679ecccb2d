import Foundation
import Jobs
import Postgres
import Sandbox
import SandboxSupport
import Store
import Testing

/// The player-points path on simulated NBA weeks: games, their box scores (`collect.summaries`), odds (event ids),
/// the books' `player_points`, then `predict.player_points` prices every quoted line of the players the box scores
/// name; with no settled priced props the forecasts are the books' prices and none is a pick. A day later the box
/// scores grade them, and they are the history the market anchor learns from.
@Suite struct SandboxPlayerPointsPipelineTests {
    @Test func simulatedWeeksOfBoxScoresPriceTonightsPlayerPointsAtTheMarket() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox, sports: ["nba"])
            let upstream = UpstreamClient()
            let logger = CollectTestSupport.logger
            // Four weeks of history (ESPN serves summaries of the last 30 days) and today's slate (Saturday 2026-05-09, noon Eastern).
            let dates = (10...30).map { String(format: "202604%02d", $0) } + (1...9).map { "2026050\($0)" }
            let games = GamesCollector(configuration: configuration, store: store, upstream: upstream)
            let espn = ESPNClient(configuration: configuration.espn, upstream: upstream)
            let summaries = SummariesCollector(client: espn, store: store, now: configuration.now)
            _ = try await games.collect(CollectGames(sport: "nba", dates: dates), jobID: "games", logger: logger)
            func finalIDs() async throws -> [Int] {
                try await store.query(PostgresQuery("SELECT id FROM games WHERE sport = 'nba' AND status = 'final' ORDER BY id"))
                    .map { try $0.decode(Int.self, "id") }
            }
            let finals = try await finalIDs()
            for start in stride(from: 0, to: finals.count, by: 200) {
                let batch = Array(finals[start..<min(finals.count, start + 200)])
                _ = try await summaries.collect(CollectSummaries(sport: "nba", gameIDs: batch), jobID: "summaries-\(start)", logger: logger)
            }
            #expect(try await CollectTestSupport.count(store, "player_game_points") == finals.count * 2 * SandboxWorld.rotationSize)
            _ = try await OddsCollector(configuration: configuration, store: store, upstream: upstream)
                .collect(CollectOdds(sport: "nba", includeScores: false), jobID: "odds", logger: logger)
            let props = try await PropOddsCollector(configuration: configuration, store: store, upstream: upstream)
                .collect(CollectPropOdds(), jobID: "prop-odds", logger: logger)
            #expect(props.events > 0 && props.pricesWritten > 0)

            let run = try await PlayerPointsPredictor(store: store, now: configuration.now).run(
                PredictPlayerPoints(), jobID: "points", logger: logger)
            print(
                "simulated NBA slate: \(run.games) games, \(run.predictions) props, \(run.priced) priced, \(run.picks) picks,"
                    + " \(run.trainingExamples) examples, held-out RMSE \(run.rmse ?? .nan) vs baseline \(run.baselineRMSE ?? .nan)")
            // Every quoted player is one the box scores named: 18 a game, each at one line, each priced on both sides.
            #expect(run.predictions == run.games * 2 * SandboxWorld.rotationSize && run.priced == run.predictions)
            #expect(run.anchorWeight == 0 && run.picks == 0)
            // The players differ in skill, so their form explains their points far better than the league's mean.
            #expect((run.rmse ?? .infinity) < 0.8 * (run.baselineRMSE ?? 0))
            func stored() async throws -> [Prediction] {
                try await store.predictions.predictions(
                    sport: "nba", from: Date(timeIntervalSince1970: 0), to: Date().addingTimeInterval(86_400)
                ).filter { $0.betType == .playerProp }
            }
            for forecast in try await stored() {
                let market = try #require(forecast.componentProbabilities[PropComponent.marketOver])
                #expect(abs(forecast.probability - market) < 1e-9 && forecast.selection.hasSuffix(":points_over") && !forecast.pick)
            }

            // A day later: the slate is final, its box scores stored, the forecasts graded (sat-out players void).
            sandbox.clock.advance(by: 86_400)
            _ = try await games.collect(CollectGames(sport: "nba", dates: ["20260509"]), jobID: "games-final", logger: logger)
            _ = try await summaries.collect(CollectSummaries(sport: "nba"), jobID: "summaries-final", logger: logger)
            let settled = try #require(
                try await PredictionSettler(store: store, now: configuration.now)
                    .settle(SettlePredictions(sport: "nba"), jobID: "settle", logger: logger)["nba"])
            #expect(settled.wins + settled.losses + settled.pushes + settled.voids == run.predictions)
            let history = try await store.playerProps.settledPricedForecasts(
                sport: "nba", asOf: configuration.now().addingTimeInterval(86_400), limit: 100_000)
            #expect(history.count == settled.wins + settled.losses)
        }
        await store.shutdown()
    }
}
