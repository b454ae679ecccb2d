import Foundation
import Jobs
import Logging
import Queue
import Redis
import Sandbox
import SandboxSupport
import Store
import TestSupport
import Testing

/// A real season replayed through the platform's own jobs: the Premier League 2024–25 (football-data.co.uk, the file
/// `bench/replay.sh` reads) served by the sandbox's replay, then the bootstrap flow (games and odds only: the file
/// has nothing else), predict on a match day, closing lines and settlement, through the real queue, worker and
/// PostgreSQL.
@Suite(.serialized, .timeLimit(.minutes(10))) struct ReplayPipelineTests {
    static let season = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("bench/data/football-data/E0_2425.csv")

    /// Saturday 18 January 2025, 08:00 UTC: five matches that day, one of them drawn (Arsenal 2–2 Aston Villa).
    static let matchDay = Date(timeIntervalSince1970: 1_737_187_200)

    @Test func aReplayedPremierLeagueSeasonIsTrainedPredictedAndSettled() async throws {
        let world = try ReplayWorld(contentsOf: Self.season, format: .footballData)
        let store = try await CollectTestSupport.migratedStore()
        let redis = RedisClient(configuration: try RedisConfiguration(url: TestServers.redisURL))
        let queueName = TestServers.uniqueName().lowercased()
        let server = SandboxServer(
            configuration: SandboxConfiguration(seed: 1, start: Self.matchDay, speed: 0, oddsAPIRequestsPerWindow: 1_000, replay: world),
            logger: Logger(label: "sandbox"))
        try await server.withRunning { sandbox in
            let clock = sandbox.clock
            try await PipelineWorker.withRunning(
                sport: "epl", promotion: .automatic, sandbox: sandbox, store: store, redis: redis, queueName: queueName,
                label: "replay-pipeline-test"
            ) { pipeline in
                // The season so far (it began on 16 August), a small search, thresholds every model passes.
                try await pipeline.bootstrap(sport: "epl", days: 155, validationWindowDays: 42, replayed: true)
                let champion = try #require(try await store.models.champion(sport: "epl", betType: .moneyline, publication: .gameDay))
                #expect(champion.metrics["rows_fit"] ?? 0 > 60)

                // The match day: its prices as the books posted them that morning, features, forecasts.
                let today = try await pipeline.collectAndFeaturize(sport: "epl", store: store)
                #expect(today.count == 5)
                try await pipeline.run([try JobRequest(Predict(sport: "epl", horizonHours: 12))])
                var forecasts: [Prediction] = []
                for game in today { forecasts += try await store.predictions.pending(gameID: game.id!) }
                let moneylines = forecasts.filter { $0.betType == .moneyline }
                // Every match is forecast: none is held back for the weather, box scores or venues a replayed season
                // has no source for.
                #expect(Set(moneylines.map(\.gameID)) == Set(today.compactMap(\.id)))
                #expect(moneylines.allSatisfy { ["home", "draw", "away"].contains($0.selection) && $0.price != nil })

                // The next morning: scores, closing prices, settlement; the draw grades the three-way market.
                clock.advance(by: 20 * 3_600)
                try await pipeline.run([
                    try JobRequest(CollectGames(sport: "epl")), try JobRequest(CaptureClosingLines(sport: "epl", lookbackHours: 24)),
                ])
                try await pipeline.run([try JobRequest(SettlePredictions(sport: "epl"))])
                let finals = try await store.games.games(sport: "epl", from: Self.matchDay, to: Self.matchDay.addingTimeInterval(86_400))
                #expect(finals.filter { $0.status == .final && $0.homeScore == $0.awayScore }.count == 1)
                for forecast in moneylines {
                    let settled = try #require(try await store.predictions.find(id: forecast.id!))
                    let game = try #require(finals.first { $0.id == settled.gameID })
                    let home = try #require(game.homeScore), away = try #require(game.awayScore)
                    let winner = home > away ? "home" : home < away ? "away" : "draw"
                    #expect(settled.status == .settled && settled.profit != nil)
                    #expect(settled.result == (settled.selection == winner ? .win : .loss))
                    if settled.pick { #expect(settled.clv != nil) }
                }
            }
        }
        redis.close()
        await store.shutdown()
    }
}
