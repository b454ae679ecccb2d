import Foundation
import SandboxSupport
import Testing

@testable import Jobs
@testable import Sandbox

/// NBA players in the sandbox: ESPN's summary serves a final game's box score (`boxscore.players`, points that add up
/// to each team's score), and The Odds API's event odds carry `player_points`, each player at a half-point line near
/// his mean, vigged like the batter-hits props.
@Suite struct SandboxPlayerPointsTests {
    @Test func finalSummaryCarriesABoxScoreWhosePointsAddUpToTheScore() async throws {
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let now = sandbox.clock.now
            let espn = ESPNClient(configuration: CollectorConfiguration.sandbox(sandbox).espn, upstream: UpstreamClient())
            let finals = sandbox.world.games(.nba, startingIn: now.addingTimeInterval(-3 * 86_400)..<now).filter { $0.endsAt < now }
            #expect(!finals.isEmpty)
            for game in finals.prefix(4) {
                let response = try await espn.summary(path: "basketball/nba", eventID: game.espnID, now: now)
                let summary = try PayloadDecoder.decode(ESPNSummary.self, from: response)
                let box = try #require(try PayloadDecoder.decode(ESPNBoxscore.self, from: response).boxscore?.players)
                #expect(box.map(\.team.id) == [game.away.espnID, game.home.espnID])
                for team in box {
                    let statistics = try #require(team.statistics.first)
                    #expect(statistics.names == ["MIN", "PTS"] && statistics.athletes.count == SandboxWorld.rotationSize)
                    let score = try #require(
                        summary.header.competitions[0].competitors.first { $0.team.id == team.team.id }?.score.flatMap { Int($0) })
                    let points = statistics.athletes.filter { $0.didNotPlay != true }.map { Int($0.stats[1])! }
                    #expect(points.reduce(0, +) == score)
                    #expect(statistics.athletes.allSatisfy { ($0.didNotPlay == true) == $0.stats.isEmpty })
                    let ids = statistics.athletes.map { Int($0.athlete.id)! }
                    #expect(ids.map { sandbox.world.basketballPlayer(id: $0)?.name } == statistics.athletes.map(\.athlete.displayName))
                }
            }
            // Before the end there is no box score; a final baseball game's has the two starters' pitching lines.
            let upcoming = try #require(sandbox.world.games(.nba, startingIn: now..<now.addingTimeInterval(86_400)).first)
            let early = try await espn.summary(path: "basketball/nba", eventID: upcoming.espnID, now: now)
            #expect(try PayloadDecoder.decode(ESPNBoxscore.self, from: early).boxscore == nil)
            let baseball = try #require(
                sandbox.world.games(.mlb, startingIn: now.addingTimeInterval(-86_400)..<now).first { $0.endsAt < now })
            let mlb = try await espn.summary(path: "baseball/mlb", eventID: baseball.espnID, now: now)
            let pitching = try #require(try PayloadDecoder.decode(ESPNBoxscore.self, from: mlb).boxscore?.players)
            #expect(pitching.count == 2 && pitching.allSatisfy { $0.statistics.count == 1 && $0.statistics[0].names.first == "IP" })
        }
    }

    @Test func eventOddsCarryPlayerPointsForEachRotationPlayer() async throws {
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let now = sandbox.clock.now
            let game = try #require(sandbox.world.games(.nba, startingIn: now..<now.addingTimeInterval(86_400)).first)
            let client = OddsAPIClient(
                configuration: OddsAPIConfiguration(baseURL: sandbox.baseURL, apiKey: "sandbox", oddsFormat: .decimal),
                upstream: UpstreamClient())
            let response = try await client.eventOdds(
                sport: "basketball_nba", eventID: game.oddsAPIID, markets: ["player_points"], now: now)
            #expect(OddsAPIQuota(headers: response.headers)?.last == 1)
            let event = try PayloadDecoder.decode(OddsAPIEvent.self, from: response)
            #expect(event.bookmakers.map(\.key) == ["draftkings", "fanduel", "betmgm", "williamhill_us", "betonlineag"])
            let rotation =
                sandbox.world.basketballRotation(team: game.teamIndices.away)
                + sandbox.world.basketballRotation(team: game.teamIndices.home)
            for book in event.bookmakers {
                #expect(book.markets.map(\.key) == ["player_points"])
                let outcomes = book.markets[0].outcomes
                // 18 players × Over and Under at one line each.
                #expect(outcomes.count == 36)
                #expect(Set(outcomes.compactMap(\.description)) == Set(rotation.map(\.name)))
                #expect(outcomes.allSatisfy { ($0.point ?? 0).truncatingRemainder(dividingBy: 1) == 0.5 })
            }
            // MLB's market is not served for basketball, nor points for baseball.
            let none = try await client.eventOdds(sport: "basketball_nba", eventID: game.oddsAPIID, markets: ["batter_hits"], now: now)
            #expect(try PayloadDecoder.decode(OddsAPIEvent.self, from: none).bookmakers.isEmpty)
        }
    }

    /// The books price skill at a line near each player's mean with a 4–8 % margin, and their margin-free
    /// probabilities match how often players went over.
    @Test func pricesFollowThePlayersScoringWithARealisticMargin() {
        let world = SandboxWorld(seed: 42)
        let season = Date(timeIntervalSince1970: 1_767_225_600)..<Date(timeIntervalSince1970: 1_775_044_800)
        var vigs: [Double] = []
        var (implied, actual, lines) = (0.0, 0, 0)
        for game in world.games(.nba, startingIn: season).prefix(300) {
            guard let quote = world.playerPointsQuotes(game, regions: ["us"], at: game.startsAt.addingTimeInterval(-3 * 3600)).first else {
                continue
            }
            let box = world.basketballLines(of: game)
            var points: [Int: SimulatedBasketballPlayer.GameLine] = [:]
            for line in box.away + box.home { points[line.player.id] = line }
            for line in quote.lines {
                let overround = 1 / line.over + 1 / line.under
                vigs.append(overround - 1)
                guard let played = points[line.batterID], played.played else { continue }
                implied += (1 / line.over) / overround
                actual += Double(played.points) > line.point ? 1 : 0
                lines += 1
            }
        }
        let meanVig = vigs.reduce(0, +) / Double(vigs.count)
        print(
            "player points: \(lines) player-games; mean margin \(meanVig); P(over) implied \(implied / Double(lines)) actual \(Double(actual) / Double(lines))"
        )
        #expect(lines > 3_000)
        #expect(meanVig > 0.04 && meanVig < 0.08)
        #expect(abs(implied / Double(lines) - Double(actual) / Double(lines)) < 0.04)
    }
}
