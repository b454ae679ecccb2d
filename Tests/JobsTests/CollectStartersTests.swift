import Foundation
import Store
import Testing

@testable import Jobs

/// Baseball's probable starting pitchers in ESPN's real scoreboard format, stored as first seen and read as of
/// a time; and the line score's innings on the game.
@Suite struct CollectStartersTests {
    private static func scoreboard(_ body: Data) throws -> ESPNScoreboard {
        try PayloadDecoder.decode(
            ESPNScoreboard.self,
            from: UpstreamResponse(source: "espn", endpoint: "/reference", status: 200, headers: [:], body: body, fetchedAt: Date()))
    }

    /// The reference scoreboard with the final game's home starter replaced by another pitcher.
    private static func withHomeStarter(id: String, name: String) throws -> Data {
        let body = try CollectTestSupport.referenceBody("espn.json", "samples", "scoreboard", "body")
        var json = try JSONSerialization.jsonObject(with: body) as! [String: Any]
        var events = json["events"] as! [[String: Any]]
        var competitions = events[0]["competitions"] as! [[String: Any]]
        var competitors = competitions[0]["competitors"] as! [[String: Any]]
        let home = competitors.firstIndex { $0["homeAway"] as? String == "home" }!
        var probables = competitors[home]["probables"] as! [[String: Any]]
        var athlete = probables[0]["athlete"] as! [String: Any]
        athlete["id"] = id
        athlete["fullName"] = name
        probables[0]["athlete"] = athlete
        probables[0]["playerId"] = Int(id)
        competitors[home]["probables"] = probables
        competitions[0]["competitors"] = competitors
        events[0]["competitions"] = competitions
        json["events"] = events
        return try JSONSerialization.data(withJSONObject: json)
    }

    @Test func probablesDecodeFromTheReferenceScoreboard() throws {
        let scoreboard = try Self.scoreboard(try CollectTestSupport.referenceBody("espn.json", "samples", "scoreboard", "body"))
        let final = try #require(scoreboard.events.first { $0.status.type.completed })
        let competitors = try #require(final.competitions.first?.competitors)
        let home = try #require(competitors.first { $0.homeAway == "home" })
        let away = try #require(competitors.first { $0.homeAway == "away" })
        #expect(home.probableStartingPitcher?.id == "32081" && home.probableStartingPitcher?.name == "Gerrit Cole")
        #expect(home.probables?.first?.record == "(1-0, 2.17)")
        #expect(away.probableStartingPitcher?.id == "33837" && away.probableStartingPitcher?.name == "Jack Flaherty")
        #expect(home.linescores?.count == 9 && away.linescores?.count == 9)
        // Not announced yet: an empty list, and no starter.
        let scheduled = try #require(scoreboard.events.first { $0.status.type.state == "pre" })
        #expect(scheduled.competitions[0].competitors.allSatisfy { $0.probables?.isEmpty == true && $0.probableStartingPitcher == nil })
    }

    @Test func startersAreStoredWhenFirstSeenAndReadAsOfATime() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let collector = GamesCollector(
            client: ESPNClient(configuration: ESPNConfiguration(baseURL: "http://127.0.0.1:9"), upstream: UpstreamClient()), store: store,
            venues: VenueCatalog([]), now: { Date() })
        let mlb = try #require(CollectedSport.named("mlb"))
        let original = try Self.scoreboard(try CollectTestSupport.referenceBody("espn.json", "samples", "scoreboard", "body"))
        let changed = try Self.scoreboard(try Self.withHomeStarter(id: "40001", name: "Spot Starter"))
        func write(_ scoreboard: ESPNScoreboard, at seenAt: Date) async throws {
            try await store.withTransaction { tx in
                for event in scoreboard.events { try await collector.write(event, sport: mlb, seenAt: seenAt, into: tx) }
            }
        }
        let t1 = Date(timeIntervalSince1970: 1_790_000_000)
        let t2 = t1.addingTimeInterval(3600)
        let t3 = t2.addingTimeInterval(3600)
        try await write(original, at: t1)
        try await write(original, at: t1.addingTimeInterval(600))  // The same starters again: nothing new.
        try await write(changed, at: t2)
        try await write(original, at: t3)  // And back.

        let game = try #require(try await store.games.find(sport: "mlb", externalID: original.events[0].id))
        #expect(game.innings == 9)
        let scheduled = try #require(try await store.games.find(sport: "mlb", externalID: original.events[1].id))
        #expect(scheduled.innings == nil)
        #expect(try await CollectTestSupport.count(store, "game_starters") == 4)  // Two at t1, one change each at t2 and t3.
        #expect(try await CollectTestSupport.count(store, "game_starters", where: "game_id = \(scheduled.id!)") == 0)

        let gameID = try #require(game.id)
        func homeStarter(asOf: Date) async throws -> String? {
            try await store.gameStarters.starters(gameID: gameID, asOf: asOf).first { $0.teamID == game.homeTeamID }?.athleteName
        }
        #expect(try await store.gameStarters.starters(gameID: gameID, asOf: t1).isEmpty)  // Strictly before.
        let first = try await store.gameStarters.starters(gameID: gameID, asOf: t1.addingTimeInterval(1))
        #expect(first.count == 2 && first.allSatisfy { $0.firstSeenAt == t1 && $0.source == "espn" })
        #expect(first.first { $0.teamID == game.awayTeamID }?.athleteID == "33837")
        #expect(try await homeStarter(asOf: t2) == "Gerrit Cole")
        #expect(try await homeStarter(asOf: t2.addingTimeInterval(1)) == "Spot Starter")
        #expect(try await homeStarter(asOf: t3.addingTimeInterval(1)) == "Gerrit Cole")
        // The feature source's run-wide read cuts at its asOf too.
        #expect(try await store.featureSources.starters(sport: "mlb", asOf: t2).count == 2)
        #expect(try await store.featureSources.starters(sport: "nba", asOf: t3.addingTimeInterval(1)).isEmpty)
        await store.shutdown()
    }

    @Test func aBackfilledGamesStartersCountAsAnnouncedADayAheadAndLiveOnesWhenFetched() {
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        let later = start.addingTimeInterval(30 * 86_400)
        #expect(GamesCollector.starterSeenAt(fetchedAt: later, start: start, isBackfill: true, lead: 86_400) == start.addingTimeInterval(-86_400))
        #expect(GamesCollector.starterSeenAt(fetchedAt: later, start: start, isBackfill: false, lead: 86_400) == later)
        // A backfill fetched before the day-ahead mark keeps the fetch time: never earlier than anything was seen.
        let early = start.addingTimeInterval(-3 * 86_400)
        #expect(GamesCollector.starterSeenAt(fetchedAt: early, start: start, isBackfill: true, lead: 86_400) == early)
    }
}
