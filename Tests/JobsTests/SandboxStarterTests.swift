import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import Testing

@testable import Sandbox

/// Baseball's starting pitchers: each team's five starters take turns, a better starter makes the other
/// side score less, and ESPN's scoreboard lists them as the real one does.
@Suite struct SandboxStarterTests {
    /// Sixty days of spring, when both leagues play.
    private static let spring = Date(timeIntervalSince1970: 1_775_044_800)..<Date(timeIntervalSince1970: 1_780_228_800)
    private static let world = SandboxWorld(seed: 42)

    @Test func eachTeamsFiveStartersTakeTurns() throws {
        let world = Self.world
        let games = world.games(.mlb, startingIn: Self.spring)
        let yankees = try #require(world.league(.mlb)?.teams.firstIndex { $0.abbreviation == "NYY" })
        let starts = games.compactMap { game -> (day: Int, pitcher: StartingPitcher)? in
            guard let starters = game.starters else { return nil }
            if game.teamIndices.home == yankees { return (game.day, starters.home) }
            if game.teamIndices.away == yankees { return (game.day, starters.away) }
            return nil
        }
        #expect(starts.count > 40)
        #expect(Set(starts.map(\.pitcher.rotationSlot)) == [0, 1, 2, 3, 4])
        for (previous, next) in zip(starts, starts.dropFirst()) {
            let expected = (previous.pitcher.rotationSlot + 1) % 5
            // After a day off the ace takes the fifth starter's turn.
            let skipped = expected == 4 && next.day - previous.day > 1
            #expect(next.pitcher.rotationSlot == (skipped ? 0 : expected), "day \(next.day)")
        }
        // The same starter keeps his id, name and skill from one start to the next.
        let aces = starts.filter { $0.pitcher.rotationSlot == 0 }.map(\.pitcher)
        #expect(aces.count > 8 && Set(aces.map(\.id)).count == 1 && Set(aces.map(\.fullName)).count == 1)
        let rotation = world.rotation(team: yankees)
        #expect(rotation.map(\.runsAllowed) == rotation.map(\.runsAllowed).sorted())
        #expect(rotation.allSatisfy { $0.runsAllowed >= 0.85 && $0.runsAllowed <= 1.15 })
        // Every team's starters have ids of their own.
        let ids = (0..<30).flatMap { world.rotation(team: $0).map(\.id) }
        #expect(Set(ids).count == 150)
    }

    @Test func aBetterStarterMakesTheOtherSideScoreLess() {
        let world = Self.world
        let model = OutcomeModel(sport: .mlb)
        var checked = 0
        for game in world.games(.mlb, startingIn: Self.spring).prefix(300) {
            guard let starters = game.starters else { continue }
            var neutral = game.conditions
            neutral.runsAllowed = (1, 1)
            let average = neutral.parameters(losses: game.injuryLoss)
            // The truth is the neutral game with each side's runs scaled by the other side's starter.
            #expect(abs(game.parameters.second - average.second * starters.home.runsAllowed) < 1e-9)
            #expect(abs(game.parameters.first - average.first * starters.away.runsAllowed) < 1e-9)
            let edge = starters.away.runsAllowed - starters.home.runsAllowed
            if abs(edge) > 0.05 {
                #expect((world.homeWinProbability(game) - model.homeWin(average)).sign == edge.sign)
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    @Test func aStartersRecordCountsHisEarlierStarts() throws {
        let world = Self.world
        let game = try #require(world.games(.mlb, startingIn: Self.spring.upperBound.addingTimeInterval(-86_400)..<Self.spring.upperBound).first)
        // The home team's ace, who never misses his turn.
        let starter = Self.world.rotation(team: game.teamIndices.home)[0]
        let record = world.record(of: starter, before: game.day)
        // About a start in five days since January 1st: dozens of starts by the end of May.
        #expect(record.outs > 20 * 15 && record.wins + record.losses > 10)
        #expect(record.era > 1 && record.era < 9)
        #expect(record.summary.hasPrefix("(\(record.wins)-\(record.losses), "))
        #expect(world.record(of: starter, before: game.day) == record)
    }

    @Test func aStartersStrikeoutsAndWalksFollowHisQuality() throws {
        let world = Self.world
        var lines: [String: (pitcher: StartingPitcher, outs: Int, strikeouts: Int, walks: Int, starts: Int)] = [:]
        for game in world.games(.mlb, startingIn: Self.spring) {
            guard let starters = game.starters else { continue }
            for pitcher in [starters.home, starters.away] {
                let line = world.startLine(of: pitcher, in: game)
                #expect(line.outs >= 12 && line.outs <= 21 && line.hits >= line.earnedRuns && line.homeRuns <= line.earnedRuns)
                #expect(line.strikes < line.pitches && line.pitches > 3 * line.outs)
                #expect(world.startLine(of: pitcher, in: game) == line)
                var sums = lines[pitcher.id] ?? (pitcher, 0, 0, 0, 0)
                sums.outs += line.outs
                sums.strikeouts += line.strikeouts
                sums.walks += line.walks
                sums.starts += 1
                lines[pitcher.id] = sums
            }
        }
        #expect(lines.count == 150 && lines.values.allSatisfy { $0.starts >= 4 })
        // League rates near a real season's: about 8.5 strikeouts and 3 walks per nine innings.
        let outs = Double(lines.values.reduce(0) { $0 + $1.outs })
        let strikeouts = Double(lines.values.reduce(0) { $0 + $1.strikeouts }) * 27 / outs
        let walks = Double(lines.values.reduce(0) { $0 + $1.walks }) * 27 / outs
        #expect(abs(strikeouts - 8.5) < 0.5 && abs(walks - 3) < 0.3, "K/9 \(strikeouts), BB/9 \(walks)")
        // Two months of (K − BB) per nine tell a starter's quality well: they correlate strongly with it.
        let pairs = lines.values.map { (quality: 1 - $0.pitcher.runsAllowed, rate: Double($0.strikeouts - $0.walks) * 27 / Double($0.outs)) }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        let (q, r) = (mean(pairs.map(\.quality)), mean(pairs.map(\.rate)))
        let covariance = mean(pairs.map { ($0.quality - q) * ($0.rate - r) })
        let correlation = covariance / (mean(pairs.map { ($0.quality - q) * ($0.quality - q) }) * mean(pairs.map { ($0.rate - r) * ($0.rate - r) })).squareRoot()
        #expect(correlation > 0.75, "correlation \(correlation)")
    }

    @Test func aGameIsFoundByItsESPNIDHoweverLongAgo() throws {
        let world = Self.world
        for game in world.games(.mlb, startingIn: Self.spring).prefix(20) + world.games(.nba, startingIn: Self.spring).suffix(5) {
            #expect(world.game(game.sport, espnID: game.espnID) == game)
        }
        #expect(world.game(.nba, espnID: world.games(.mlb, startingIn: Self.spring)[0].espnID) == nil)
        for bad in ["", "12", "abc", "-400000000"] { #expect(world.game(.mlb, espnID: bad) == nil) }
    }

    @Test func aStartersRecordSumsHisStartLines() throws {
        let world = Self.world
        let game = try #require(world.games(.mlb, startingIn: Self.spring.upperBound.addingTimeInterval(-86_400)..<Self.spring.upperBound).first)
        let starter = world.rotation(team: game.teamIndices.home)[1]
        let starts = world.games(.mlb, startingIn: Date(timeIntervalSince1970: 1_767_225_600)..<game.startsAt).filter {
            $0.day < game.day && ($0.starters?.home == starter || $0.starters?.away == starter)
        }
        let lines = starts.map { world.startLine(of: starter, in: $0) }
        let record = world.record(of: starter, before: game.day)
        #expect(!lines.isEmpty && record.outs == lines.reduce(0) { $0 + $1.outs })
        #expect(record.earnedRuns == lines.reduce(0) { $0 + $1.earnedRuns })
        #expect(record.wins == lines.count { $0.won == true } && record.losses == lines.count { $0.won == false })
    }

    /// The keys and value kinds of a JSON value, recursively (arrays by their first element).
    private static func shape(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]: "{" + object.keys.sorted().map { "\($0):\(shape(object[$0]!))" }.joined(separator: ",") + "}"
        case let array as [Any]: "[" + (array.first.map(shape) ?? "") + "]"
        case is String: "string"
        case is NSNumber: "number"
        default: "null"
        }
    }

    @Test func theScoreboardListsProbablesInTheRealShapeFromTheirAnnouncement() async throws {
        let reference = try JSONSerialization.jsonObject(with: CollectTestSupport.referenceBody("espn.json", "samples", "scoreboard", "body"))
        let real = ((((reference as! [String: Any])["events"] as! [[String: Any]])[0]["competitions"] as! [[String: Any]])[0]["competitors"]
            as! [[String: Any]])[0]["probables"]!
        let realShape = Self.shape(real)
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            /// Each competitor's probables on the Eastern day `date`, `nil` where none are listed. The timeout only
            /// stops a hung server: the first request simulates the season so far, which took over 10 s with the
            /// rest of the suite running on two cores.
            func probables(_ date: String) async throws -> [Any?] {
                let url = sandbox.baseURL + "/apis/site/v2/sports/baseball/mlb/scoreboard?dates=\(date)"
                let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(60))
                let body = try JSONSerialization.jsonObject(with: Data(buffer: try await response.body.collect(upTo: 1 << 22)))
                return ((body as! [String: Any])["events"] as! [[String: Any]]).flatMap { event in
                    ((event["competitions"] as! [[String: Any]])[0]["competitors"] as! [[String: Any]]).map { $0["probables"] }
                }
            }
            // The clock stands at noon Eastern on 2026-05-09: yesterday's games are over, today's announced,
            // those three days on not yet.
            for date in ["20260508", "20260509"] {
                let listed = try await probables(date)
                #expect(!listed.isEmpty && listed.allSatisfy { $0 != nil })
                for entry in listed { #expect(Self.shape(entry!) == realShape) }
            }
            #expect(try await probables("20260512").allSatisfy { $0 == nil })
            let nba = try await HTTPClient.shared.execute(
                HTTPClientRequest(url: sandbox.baseURL + "/apis/site/v2/sports/basketball/nba/scoreboard?dates=20260509"), timeout: .seconds(60))
            #expect(!String(buffer: try await nba.body.collect(upTo: 1 << 22)).contains("probables"))
        }
        // The pitcher named is the game's starter, under his own team.
        let game = try #require(Self.world.games(.mlb, onEasternDate: "20260509")?.first)
        let starters = try #require(Self.world.probables(game, at: CollectTestSupport.noonEastern))
        #expect(starters.home.team == game.teamIndices.home && starters.away.team == game.teamIndices.away)
        #expect(Self.world.probables(game, at: game.startsAt.addingTimeInterval(-Self.world.probablesAnnouncedBeforeStart - 60))?.home.id == nil)
    }
}
