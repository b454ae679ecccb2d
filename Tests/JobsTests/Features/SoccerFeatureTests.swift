import Foundation
import Jobs
import Sandbox
import Store
import Testing

/// The simulated Premier League through the unchanged collectors and the featurizer: three-way moneylines with
/// their draw, quarter-goal Asian handicaps and totals, and features whose home/draw/away forecast sums to 1.
@Suite struct SoccerFeatureTests {
    @Test func simulatedSoccerIsCollectedAndFeaturized() async throws {
        let store = try await CollectTestSupport.migratedStore()
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            try await FeatureFixture.backfill(store, sandbox, sports: ["epl"], from: "2026-03-01", to: "2026-04-26")
            let from = FeatureFixture.day("2026-03-01")
            let to = FeatureFixture.day("2026-04-27")
            let games = try await store.games.games(sport: "epl", from: from, to: to)
            // Eight Saturdays of ten matches, every one finished, some of them drawn.
            #expect(games.count == 80 && games.allSatisfy { $0.status == .final })
            let draws = games.count { $0.homeScore == $0.awayScore }
            #expect(draws > 5 && draws < 35, "\(draws) draws")
            #expect(try await CollectTestSupport.count(store, "odds", where: "market = 'h2h' AND outcome = 'draw'") > 80)
            // Asian handicaps on quarter goals, as the books hang them: whole, half and quarter lines.
            #expect(try await CollectTestSupport.count(store, "odds", where: "market = 'spreads' AND abs(point) * 4 <> floor(abs(point) * 4)") == 0)
            #expect(try await CollectTestSupport.count(store, "odds", where: "market = 'spreads' AND abs(point) - floor(abs(point)) IN (0.25, 0.75)") > 0)
            // The backfill's daily snapshot is taken before the first kick-off, so every game has a close.
            #expect(
                try await CollectTestSupport.count(
                    store, "games g", where: "g.sport = 'epl' AND NOT EXISTS (SELECT 1 FROM closing_lines c WHERE c.game_id = g.id)") == 0)

            let result = try await Featurizer(store: store, now: { sandbox.clock.now }).run(
                sport: "epl", Featurize(sport: "epl", from: from, to: to, leadMinutes: 60), logger: CollectTestSupport.logger)
            #expect(result.gamesFeaturized == 80)
            #expect(result.meanCompleteness > 0.85, "completeness \(result.meanCompleteness)")
            let sets = try await store.gameFeatures.featureSets(gameIDs: games.compactMap(\.id), featureSetVersion: FeatureCatalog.version, asOf: to)
            let late = games.suffix(20).compactMap { $0.id.flatMap { sets[$0] } }
            #expect(late.count == 20)
            for set in late {
                let draw = try #require(set.features["line_drawprob_current"])
                let home = try #require(set.features["line_homewinprob_current"])
                #expect(draw > 0.1 && draw < 0.4 && home + draw < 1)
                #expect(set.features["adv_draw_rate_home_last10"] != nil && set.features["team_pythag_away_season"] != nil)
                let sides = try #require(BetOutcome.sides(.moneyline, threeWay: true, probability: home, features: set.features))
                #expect(abs(sides.reduce(0) { $0 + $1.probability } - 1) < 1e-12)
            }
        }
        await store.shutdown()
    }
}
