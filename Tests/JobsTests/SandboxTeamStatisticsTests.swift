import Foundation
import SandboxSupport
import Store
import Testing

@testable import Jobs
@testable import Sandbox

/// The simulated football, hockey and soccer box scores: ESPN's summary shape (`boxscore.teams[].statistics[]`) read by
/// the collector's types, numbers consistent with each other and with the score, the same for the same seed, and a
/// season of them telling the teams' strengths apart better than their scores do.
@Suite struct SandboxTeamStatisticsTests {
    private static let world = SandboxWorld(seed: 42, sports: [.epl, .nhl, .nfl])

    /// A season's worth of each league: the 2025–26 Premier League, four months of the NHL, the NFL's 2025 regular season.
    private static func season(_ sport: SandboxSport) -> Range<Date> {
        switch sport {
        case .epl: FeatureFixture.day("2025-08-15")..<FeatureFixture.day("2026-05-20")
        case .nhl: FeatureFixture.day("2025-10-08")..<FeatureFixture.day("2026-02-05")
        default: FeatureFixture.day("2025-09-04")..<FeatureFixture.day("2026-01-06")
        }
    }

    /// A statistic of one side as a number (`"5-13"`: the first).
    private static func value(_ statistics: [TeamStatistic], _ name: String) throws -> Double {
        let text = try #require(statistics.first { $0.name == name }?.displayValue, "\(name)")
        return try #require(Double(text) ?? text.split(separator: "-").first.flatMap { Double($0) }, "\(name) \(text)")
    }

    @Test(arguments: [SandboxSport.epl, .nhl, .nfl])
    func aFinalGamesSummaryCarriesEachTeamsStatisticsInESPNsShape(sport: SandboxSport) async throws {
        let code = sport == .epl ? "epl" : sport == .nhl ? "nhl" : "nfl"
        let start = FeatureFixture.day(sport == .nfl ? "2025-10-21" : sport == .nhl ? "2026-01-20" : "2026-05-11").addingTimeInterval(16 * 3_600)
        let games = Self.world.games(sport, startingIn: start.addingTimeInterval(-8 * 86_400)..<start.addingTimeInterval(8 * 86_400))
        let final = try #require(games.last { $0.endsAt < start })
        let upcoming = try #require(games.first { $0.startsAt > start })
        try await CollectTestSupport.sandbox(start: start).withRunning { sandbox in
            let configuration = CollectorConfiguration.sandbox(sandbox, sports: [code])
            let espn = ESPNClient(configuration: configuration.espn, upstream: UpstreamClient())
            let collected = try #require(CollectedSport.named(code))
            let response = try await espn.summary(path: collected.espnPath, eventID: final.espnID, now: start)

            // The body's shape: away team first, each statistic a name, a display value and a label.
            let body = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
            let teams = try #require((body["boxscore"] as? [String: Any])?["teams"] as? [[String: Any]])
            #expect(teams.count == 2 && teams.map { $0["homeAway"] as? String } == ["away", "home"])
            #expect(teams.allSatisfy { Set($0.keys) == ["team", "statistics", "displayOrder", "homeAway"] })
            let entries = teams.flatMap { $0["statistics"] as? [[String: Any]] ?? [] }
            #expect(!entries.isEmpty && entries.allSatisfy { Set($0.keys) == ["name", "displayValue", "label"] && $0["displayValue"] is String })

            // The collector's types read it, and every statistic it reads is there.
            let summary = try PayloadDecoder.decode(ESPNSummary.self, from: response)
            let boxscore = try PayloadDecoder.decode(ESPNTeamBoxscore.self, from: response)
            let game = Game(id: 1, sport: code, externalID: final.espnID, homeTeamID: 10, awayTeamID: 20, scheduledAt: final.startsAt)
            let rows = try SummariesCollector.teamStats(boxscore, summary: summary, game: game, sport: code, response: response)
            let statistics = try #require(Self.world.teamStatistics(of: final))
            #expect(rows.map(\.teamID) == [20, 10])
            for (row, side) in zip(rows, [statistics.away, statistics.home]) {
                let read = try #require(SummariesCollector.teamStatistics[code])
                #expect(read.allSatisfy { name in side.contains { $0.name == name } })
                for statistic in side where read.contains(statistic.name) {
                    let expected = try #require(SummariesCollector.statistic(statistic.name, statistic.displayValue))
                    for (name, value) in expected { #expect(row.values[name] == value, "\(name)") }
                }
            }

            // A game still to come has no box score.
            let before = try await espn.summary(path: collected.espnPath, eventID: upcoming.espnID, now: start)
            #expect(try PayloadDecoder.decode(ESPNTeamBoxscore.self, from: before).boxscore == nil)
        }
    }

    @Test(arguments: [SandboxSport.epl, .nhl, .nfl])
    func theNumbersAgreeWithEachOtherAndTheScoreAndRepeatForTheSeed(sport: SandboxSport) throws {
        let again = SandboxWorld(seed: 42, sports: [sport])
        let other = SandboxWorld(seed: 7, sports: [sport])
        let games = Self.world.games(sport, startingIn: Self.season(sport).lowerBound..<Self.season(sport).lowerBound.addingTimeInterval(30 * 86_400))
        #expect(games.count > 30)
        var differs = false
        for game in games {
            let statistics = try #require(Self.world.teamStatistics(of: game))
            let repeated = try #require(again.teamStatistics(of: game))
            #expect(statistics.home == repeated.home && statistics.away == repeated.away)
            if let elsewhere = other.game(sport, espnID: game.espnID).flatMap(other.teamStatistics(of:)), elsewhere.home != statistics.home {
                differs = true
            }
            for (own, opponent, goals) in [
                (statistics.home, statistics.away, game.finalScore.home), (statistics.away, statistics.home, game.finalScore.away),
            ] {
                switch sport {
                case .epl:
                    let (shots, onTarget) = (try Self.value(own, "totalShots"), try Self.value(own, "shotsOnTarget"))
                    #expect(Double(goals) <= onTarget && onTarget <= shots)
                    #expect(try Self.value(opponent, "saves") == onTarget - Double(goals))
                    #expect(abs(try Self.value(own, "possessionPct") + Self.value(opponent, "possessionPct") - 100) < 0.11)
                case .nhl:
                    let powerPlayGoals = try Self.value(own, "powerPlayGoals")
                    let (shots, chances) = (try Self.value(own, "shotsTotal"), try Self.value(own, "powerPlayOpportunities"))
                    #expect(Double(goals) <= shots)
                    #expect(powerPlayGoals <= Double(goals) && powerPlayGoals <= chances)
                    #expect(try Self.value(opponent, "penalties") == Self.value(own, "powerPlayOpportunities"))
                default:
                    #expect(try Self.value(own, "totalYards") == Self.value(own, "netPassingYards") + Self.value(own, "rushingYards"))
                    #expect(try Self.value(own, "turnovers") == Self.value(own, "interceptions") + Self.value(own, "fumblesLost"))
                    let times = try [own, opponent].map { side in
                        try #require(side.first { $0.name == "possessionTime" }.flatMap { SummariesCollector.clockSeconds($0.displayValue) })
                    }
                    #expect(times.reduce(0, +) == 3_600)
                }
            }
        }
        #expect(differs)
        #expect(Self.world.teamStatistics(of: try #require(SandboxWorld(seed: 42, sports: [.nba]).games(.nba, startingIn: Self.season(.nfl)).first)) == nil)
    }

    /// Per team over a season: the mean of what the box score says of it (soccer's shots on target for minus against,
    /// hockey's shots for minus against, football's yards per play gained minus allowed) against its mean strength gap
    /// over its opponents. The box score tells the strengths well, and better than the goal or point margins do.
    @Test(arguments: [SandboxSport.epl, .nhl, .nfl])
    func aSeasonOfStatisticsTellsTheTeamsStrengths(sport: SandboxSport) throws {
        var sums: [Int: (strength: Double, statistic: Double, margin: Double, games: Double)] = [:]
        for game in Self.world.games(sport, startingIn: Self.season(sport)) {
            let statistics = try #require(Self.world.teamStatistics(of: game))
            func edge(_ own: [TeamStatistic], _ opponent: [TeamStatistic]) throws -> Double {
                switch sport {
                case .epl: try Self.value(own, "shotsOnTarget") - Self.value(opponent, "shotsOnTarget")
                case .nhl: try Self.value(own, "shotsTotal") - Self.value(opponent, "shotsTotal")
                default: try Self.value(own, "yardsPerPlay") - Self.value(opponent, "yardsPerPlay")
                }
            }
            let gap = game.conditions.strengthGap
            let margin = Double(game.finalScore.home - game.finalScore.away)
            for (team, sign, statistic) in [
                (game.teamIndices.home, 1.0, try edge(statistics.home, statistics.away)),
                (game.teamIndices.away, -1.0, try edge(statistics.away, statistics.home)),
            ] {
                var sum = sums[team] ?? (0, 0, 0, 0)
                sum.strength += sign * gap
                sum.statistic += statistic
                sum.margin += sign * margin
                sum.games += 1
                sums[team] = sum
            }
        }
        let teams = Array(sums.values)
        #expect(teams.count >= 20 && teams.allSatisfy { $0.games >= 15 })
        let strength = teams.map { $0.strength / $0.games }
        let statistic = Self.correlation(strength, teams.map { $0.statistic / $0.games })
        let margin = Self.correlation(strength, teams.map { $0.margin / $0.games })
        #expect(statistic > 0.75 && statistic > margin, "\(sport): statistic \(statistic), margin \(margin)")
    }

    private static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        let (mx, my) = (mean(x), mean(y))
        let covariance = mean(zip(x, y).map { ($0 - mx) * ($1 - my) })
        return covariance / (mean(x.map { ($0 - mx) * ($0 - mx) }) * mean(y.map { ($0 - my) * ($0 - my) })).squareRoot()
    }
}
