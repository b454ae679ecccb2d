import Foundation
import Sandbox
import SandboxSupport
import Store
import Testing

@testable import Jobs

/// The injury features read what the collectors stored from the sandbox's ESPN injury list, and they carry
/// the simulated world's signal: teams featured with players out are the teams the world weakens.
@Suite struct InjuryFeatureTests {
    @Test func injuryCountsTrackTheWorldsInjuryLosses() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox)
            let espn = ESPNClient(configuration: configuration.espn, upstream: UpstreamClient())
            let logger = CollectTestSupport.logger
            _ = try await GamesCollector(client: espn, store: store, venues: configuration.venues, now: configuration.now)
                .collect(CollectGames(sport: "mlb", dates: ["20260509", "20260510"]), jobID: "g", logger: logger)
            let featurizer = Featurizer(store: store, now: configuration.now)

            // Before any list was collected the counts are unknown, not zero, and completeness does not drop.
            _ = try await featurizer.run(sport: "mlb", Featurize(sport: "mlb"), logger: logger)
            let games = try await store.games.games(
                sport: "mlb", from: sandbox.clock.now, to: sandbox.clock.now.addingTimeInterval(Featurize.upcomingWindow))
            #expect(games.count > 20)
            let unknown = try #require(try await store.gameFeatures.featureSet(
                gameID: games[0].id!, featureSetVersion: FeatureCatalog.version, asOf: sandbox.clock.now))
            #expect(unknown.features["team_injured_out_home_current"] == nil)

            sandbox.clock.advance(by: 60)
            _ = try await InjuriesCollector(client: espn, store: store, now: configuration.now)
                .collect(CollectInjuries(sport: "mlb"), jobID: "i", logger: logger)
            sandbox.clock.advance(by: 60)
            _ = try await featurizer.run(sport: "mlb", Featurize(sport: "mlb"), logger: logger)

            let world = sandbox.world.games(.mlb, startingIn: games.first!.scheduledAt..<games.last!.scheduledAt.addingTimeInterval(1))
            let simulated = Dictionary(world.map { ($0.espnID, $0) }, uniquingKeysWith: { first, _ in first })
            var withOut: [Double] = []
            var without: [Double] = []
            for game in games {
                let set = try #require(try await store.gameFeatures.featureSet(
                    gameID: game.id!, featureSetVersion: FeatureCatalog.version, asOf: sandbox.clock.now))
                let truth = try #require(simulated[game.externalID])
                for (side, loss) in [("home", truth.injuryLoss.home), ("away", truth.injuryLoss.away)] {
                    let out = try #require(set.features["team_injured_out_\(side)_current"])
                    let dayToDay = try #require(set.features["team_injured_dtd_\(side)_current"])
                    if out + dayToDay > 0 { withOut.append(loss) } else { without.append(loss) }
                }
                #expect(set.completeness == unknown.completeness || game.id != games[0].id)
            }
            #expect(!withOut.isEmpty && !without.isEmpty)
            let mean = { (values: [Double]) in values.reduce(0, +) / Double(values.count) }
            // The list changes between now and a game's start only by the day's new and healed injuries.
            #expect(mean(withOut) > mean(without) + 0.05, "with \(withOut), without \(without)")
            #expect(without.filter { $0 == 0 }.count * 2 > without.count, "mostly nobody missing where nobody was listed")
        }
        await store.shutdown()
    }
}
