import Foundation
import Store
import Testing

@testable import Jobs

/// `monitor.drift` on a real PostgreSQL: a champion whose features moved since training gets one `drift_detected`
/// event naming them, however often the check runs over the same shift; a champion whose features held, or a window
/// with too few games, gets none.
@Suite struct DriftMonitorTests {
    static let start = Date(timeIntervalSince1970: 1_772_323_200)
    static let day: TimeInterval = 86_400

    /// Two NBA champions trained on the 100 days before `start`: moneyline on feature set `v1`, whose `form` moves up by
    /// half its range after training and whose `injured` arrives only after it, and spread on `v2`, whose only feature
    /// holds. 600 training games, 400 after.
    static func seed(_ store: Store) async throws -> (moved: Int, held: Int) {
        func champion(_ betType: BetType, version: String) async throws -> Int {
            let id = try await store.models.register(
                RegisteredModel(
                    name: "nba_\(betType.rawValue)_meta", version: 1, sport: "nba", betType: betType, publication: .gameDay,
                    featureSetVersion: version, trainingStart: start.addingTimeInterval(-100 * day), trainingEnd: start, artifact: Data([1])))
            try await store.models.promote(id: id)
            return id
        }
        let moved = try await champion(.moneyline, version: "v1")
        let held = try await champion(.spread, version: "v2")
        let home = try await store.teams.upsert(Team(sport: "nba", externalID: "drift-home", name: "Drift Home"))
        let away = try await store.teams.upsert(Team(sport: "nba", externalID: "drift-away", name: "Drift Away"))
        func game(_ index: Int, at scheduled: Date, value: Double, shift: Double) async throws {
            let id = try await store.games.upsert(
                Game(sport: "nba", externalID: "drift-\(index)", homeTeamID: home, awayTeamID: away, scheduledAt: scheduled, status: .scheduled))
            let asOf = scheduled.addingTimeInterval(-3_600)
            var features = ["steady": value, "form": value + shift]
            if shift > 0 { features["injured"] = value }
            try await store.gameFeatures.upsert(
                GameFeatureSet(gameID: id, featureSetVersion: "v1", asOf: asOf, features: features, completeness: 1))
            try await store.gameFeatures.upsert(
                GameFeatureSet(gameID: id, featureSetVersion: "v2", asOf: asOf, features: ["steady": value], completeness: 1))
        }
        for i in 0..<600 {
            try await game(i, at: start.addingTimeInterval(-100 * day + Double(i) * day / 6), value: (Double(i * 7 % 600) + 0.5) / 600, shift: 0)
        }
        for j in 0..<400 {
            try await game(600 + j, at: start.addingTimeInterval(Double(j) * day / 40), value: (Double(j * 7 % 400) + 0.5) / 400, shift: 0.5)
        }
        return (moved, held)
    }

    @Test func aMovedFeatureIsLoggedOnceAndAHeldOneNotAtAll() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (moved, held) = try await Self.seed(store)
        let monitor = DriftMonitor(store: store, now: { Self.start.addingTimeInterval(9 * Self.day) })

        let first = try await monitor.run(sport: "nba", days: 14, logger: CollectTestSupport.logger)
        #expect(first.map(\.modelID) == [moved, held], "moneyline before spread")
        #expect(first[0].significant == ["form"] && first[0].logged)
        #expect(first[0].unseen == ["injured"] && first[1].unseen.isEmpty, "arrived since training: not a shift")
        #expect(first[0].referenceGames == 600 && first[0].currentGames == 400)
        #expect(first[0].maxPSI > 0.25)
        #expect(first[1].significant.isEmpty && !first[1].logged && first[1].maxPSI == 0)
        let events = try await store.modelReports.events(modelID: moved)
        #expect(events.map(\.kind) == [.driftDetected])
        #expect(events.first?.details["psi.form"] == first[0].maxPSI)
        #expect(events.first?.details["psi.injured"] == nil)
        #expect(events.first?.details["current_games"] == 400)
        #expect(events.first?.reason.contains("form") == true, "\(events.first?.reason ?? "")")
        #expect(try await store.modelReports.events(modelID: held).isEmpty)

        // The same shift the next day: nothing new to say.
        let again = try await monitor.run(sport: "nba", days: 14, logger: CollectTestSupport.logger)
        #expect(again[0].significant == ["form"] && !again[0].logged)
        #expect(try await store.modelReports.events(modelID: moved).count == 1)

        // One day back: 80 games, too few to call anything.
        let recent = try await monitor.run(sport: "nba", days: 1, logger: CollectTestSupport.logger)
        #expect(recent[0].currentGames == 80 && recent[0].significant.isEmpty && !recent[0].logged)
    }

    @Test func parametersAreChecked() throws {
        #expect(throws: (any Error).self) { try MonitorDrift(days: 0).validate() }
        #expect(throws: (any Error).self) { try MonitorDrift(sport: "").validate() }
        try MonitorDrift(sport: "nba", days: 365).validate()
        try MonitorDrift().validate()
    }
}
