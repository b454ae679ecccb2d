import Foundation
import Testing

@testable import Jobs
@testable import Sandbox

/// The simulated NFL: 32 teams in eight divisions of four, a weekly season from September into January with one bye
/// per team, margins about 13.5 points wide around the strength gap and a home edge of under two points, half-point
/// spreads and totals around 44, served in The Odds API's and ESPN's formats.
@Suite struct SandboxFootballTests {
    private static let world = SandboxWorld(seed: 42, sports: [.nfl])
    /// 2026-08-01 to 2027-02-01: the whole 2026 season and no other.
    private static let season2026 = Date(timeIntervalSince1970: 1_785_542_400)..<Date(timeIntervalSince1970: 1_801_440_000)
    /// 2023-08-01 to 2026-02-01: three whole seasons.
    private static let threeSeasons = Date(timeIntervalSince1970: 1_690_848_000)..<Date(timeIntervalSince1970: 1_769_904_000)
    private static let eastern: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/New_York")!
        return calendar
    }()

    @Test func thirtyTwoTeamsInEightDivisionsOfFour() throws {
        let league = try #require(Self.world.league(.nfl))
        let divisions = Dictionary(grouping: league.teams) { $0.division?.name ?? "none" }
        let conferences = Dictionary(grouping: league.teams) { $0.division?.conference ?? "none" }
        #expect(league.teams.count == 32 && divisions.count == 8 && divisions.values.allSatisfy { $0.count == 4 })
        #expect(Set(conferences.keys) == ["AFC", "NFC"] && conferences.values.allSatisfy { $0.count == 16 })
        #expect(Set(league.teams.map(\.abbreviation)).count == 32 && Set(league.teams.map(\.oddsAPIName)).count == 32)
        let kansasCity = try #require(league.teams.first { $0.abbreviation == "KC" })
        #expect(kansasCity.division?.name == "AFC West" && kansasCity.oddsAPIName == "Kansas City Chiefs" && !kansasCity.venue.isIndoor)
        #expect(league.teams.first { $0.abbreviation == "DET" }?.venue.isIndoor == true)
        // The featurizer's alignment agrees with the sandbox's.
        let structure = LeagueStructure(sport: "nfl")
        for team in league.teams {
            let alignment = structure.alignment(abbreviation: team.abbreviation)
            #expect(
                alignment?.division == team.division?.name && alignment?.conference == team.division?.conference, "\(team.abbreviation)")
        }
    }

    @Test func aWeeklySeasonOfSeventeenGamesAndOneBye() throws {
        let league = try #require(Self.world.league(.nfl))
        let games = Self.world.games(.nfl, startingIn: Self.season2026)
        #expect(games.count == 272)
        let kickoff = try #require(games.first)
        // The Thursday after Labor Day (2026-09-07) opens the season; week 18 ends on a Sunday in January.
        let opener = Self.eastern.dateComponents([.month, .day, .weekday], from: kickoff.startsAt)
        #expect(opener.month == 9 && opener.day == 10 && opener.weekday == 5)
        let last = try #require(games.last)
        let finale = Self.eastern.dateComponents([.month, .weekday], from: last.startsAt)
        #expect(finale.month == 1 && finale.weekday == 1)
        let kickoffDay = kickoff.day
        func week(_ game: SimulatedGame) -> Int { (game.day - kickoffDay) / 7 }
        #expect(games.allSatisfy { week($0) >= 0 && week($0) < 18 })
        for team in league.teams.indices {
            let played = games.filter { $0.teamIndices.home == team || $0.teamIndices.away == team }
            let weeks = played.map(week)
            #expect(played.count == 17 && Set(weeks).count == 17, "\(league.teams[team].abbreviation) plays twice in a week")
            let bye = try #require(Set(0..<18).subtracting(weeks).first)
            #expect(bye >= 4 && bye <= 13, "bye in week \(bye + 1)")
            let home = played.count { $0.teamIndices.home == team }
            #expect(home == 8 || home == 9)
            // Each division rival home and away; fourteen different opponents in all.
            let rivals = league.teams.indices.filter { $0 != team && league.areDivisionRivals($0, team) }
            #expect(rivals.count == 3)
            for rival in rivals {
                #expect(played.count { $0.teamIndices.home == team && $0.teamIndices.away == rival } == 1)
                #expect(played.count { $0.teamIndices.away == team && $0.teamIndices.home == rival } == 1)
            }
            let opponents = Set(played.map { $0.teamIndices.home == team ? $0.teamIndices.away : $0.teamIndices.home })
            #expect(opponents.count == 14)
        }
        // Thursday and Monday nights at 20:15, Sunday at 13:00, 16:25 and 20:20; one game a week on Thursday and Monday
        // but in the last week.
        for game in games {
            let local = Self.eastern.dateComponents([.weekday, .hour, .minute], from: game.startsAt)
            let slot = (local.weekday!, local.hour! * 60 + local.minute!)
            #expect([(5, 1215), (1, 780), (1, 985), (1, 1220), (2, 1215)].contains { $0 == slot }, "\(slot)")
        }
        for weekIndex in 0..<17 {
            let thisWeek = games.filter { week($0) == weekIndex }
            #expect(thisWeek.count { Self.eastern.component(.weekday, from: $0.startsAt) == 5 } == 1)
            #expect(thisWeek.count { Self.eastern.component(.weekday, from: $0.startsAt) == 2 } == 1)
        }
        // Nothing between seasons.
        let june = Date(timeIntervalSince1970: 1_780_272_000)
        #expect(Self.world.games(.nfl, startingIn: june..<june.addingTimeInterval(30 * 86_400)).isEmpty)
    }

    @Test func marginsAreAboutThirteenAndAHalfPointsWideWithASmallHomeEdge() {
        let world = Self.world
        let games = world.games(.nfl, startingIn: Self.threeSeasons)
        #expect(games.count == 3 * 272)
        let margins = games.map { Double($0.finalScore.home - $0.finalScore.away) }
        let residuals = games.map { game in
            let expected = world.expectedScores(game)
            return Double(game.finalScore.home - game.finalScore.away) - (expected.home - expected.away)
        }
        func standardDeviation(_ values: [Double]) -> Double {
            let mean = values.reduce(0, +) / Double(values.count)
            return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)).squareRoot()
        }
        let spread = standardDeviation(residuals)
        #expect(spread > 12.5 && spread < 14.5, "margin SD around the expected margin \(spread)")
        #expect(standardDeviation(margins) > spread, "strength differences widen the margins")
        let meanMargin = margins.reduce(0, +) / Double(margins.count)
        #expect(meanMargin > 0.3 && meanMargin < 3.5, "mean home margin \(meanMargin)")
        let homeEdge = games.reduce(0) { $0 + $1.conditions.homeEdge } / Double(games.count)
        #expect(homeEdge > 1.2 && homeEdge < 2.4, "home edge \(homeEdge)")
        let homeWins = Double(games.count { $0.finalScore.home > $0.finalScore.away }) / Double(games.count)
        #expect(homeWins > 0.5 && homeWins < 0.62, "home win rate \(homeWins)")
        #expect(games.allSatisfy { $0.finalScore.home != $0.finalScore.away })
        let total = Double(games.reduce(0) { $0 + $1.finalScore.home + $1.finalScore.away }) / Double(games.count)
        #expect(total > 41 && total < 47, "points a game \(total)")
        // Football's key numbers: in an even game 3 and 7 are the likeliest margins, and 3 is the commonest in the season.
        let even = FootballScores(home: 22, away: 22)
        func margin(_ points: Int) -> Double {
            (even.homeCovers(line: 0.5 - Double(points)) - even.homeCovers(line: -0.5 - Double(points))) * 2
        }
        let likeliest = (1...30).sorted { margin($0) > margin($1) }.prefix(2)
        #expect(Set(likeliest) == [3, 7], "likeliest margins \(likeliest)")
        let counts = Dictionary(grouping: games) { abs($0.finalScore.home - $0.finalScore.away) }.mapValues(\.count)
        #expect(counts.max { $0.value < $1.value }?.key == 3, "margins \(counts.sorted { $0.value > $1.value }.prefix(4))")
    }

    @Test func booksHangHalfPointSpreadsAndTotals() {
        let world = Self.world
        let games = world.games(.nfl, startingIn: Self.season2026)
        for game in games.prefix(40) {
            let quotes = world.quotes(game, bookmakers: Bookmaker.all, at: game.startsAt.addingTimeInterval(-3 * 3_600))
            #expect(!quotes.isEmpty && quotes.allSatisfy { $0.drawPrice == nil })
            #expect(quotes.allSatisfy { abs(($0.spread * 2).truncatingRemainder(dividingBy: 2)) == 1 && abs($0.spread) < 25 })
            #expect(quotes.allSatisfy { abs(($0.total * 2).truncatingRemainder(dividingBy: 2)) == 1 && $0.total > 30 && $0.total < 60 })
            let fair = world.fairLines(game)
            #expect(abs(fair.homeCovers - 0.5) < 0.1 && abs(fair.over - 0.5) < 0.05)
            // The favourite gives points.
            let favourite = world.homeWinProbability(game) > 0.5
            #expect(favourite ? fair.spread < 0 : fair.spread > 0)
        }
        #expect(FeatureCatalog.names(sport: "nfl").contains("adv_one_score_rate_home_last10"))
    }

    @Test func servedInTheOddsAPIsAndESPNsFormats() async throws {
        // Sunday 2026-11-15, noon Eastern: week 10.
        let sunday = Date(timeIntervalSince1970: 1_794_762_000)
        try await CollectTestSupport.sandbox(start: sunday).withRunning { sandbox in
            let upstream = UpstreamClient()
            let now = sandbox.clock.now
            let oddsAPI = OddsAPIClient(
                configuration: OddsAPIConfiguration(baseURL: sandbox.baseURL, apiKey: "sandbox"), upstream: upstream)
            let sports = try PayloadDecoder.decode([OddsAPISport].self, from: try await oddsAPI.sports(now: now))
            #expect(sports.contains { $0.key == "americanfootball_nfl" && $0.active })
            let events = try PayloadDecoder.decode(
                [OddsAPIEvent].self, from: try await oddsAPI.odds(sport: "americanfootball_nfl", now: now))
            #expect(events.count >= 10 && events.allSatisfy { $0.sportKey == "americanfootball_nfl" })
            let markets = events.flatMap(\.bookmakers).flatMap(\.markets)
            #expect(Set(markets.map(\.key)) == ["h2h", "spreads", "totals"])
            #expect(
                markets.filter { $0.key != "h2h" }.flatMap(\.outcomes).allSatisfy {
                    ($0.point.map { $0 * 2 } ?? 0).truncatingRemainder(dividingBy: 2) != 0
                })
            #expect(markets.filter { $0.key == "h2h" }.allSatisfy { $0.outcomes.count == 2 })

            let espn = ESPNClient(configuration: ESPNConfiguration(baseURL: sandbox.baseURL), upstream: upstream)
            let board = try PayloadDecoder.decode(
                ESPNScoreboard.self, from: try await espn.scoreboard(path: "football/nfl", date: "20261115", now: now))
            #expect(board.events.count >= 10 && board.events.allSatisfy { $0.season?.year == 2026 })
            let event = try #require(board.events.first)
            let summary = try PayloadDecoder.decode(
                ESPNSummary.self, from: try await espn.summary(path: "football/nfl", eventID: event.id, now: now))
            #expect(summary.header.id == event.id && summary.header.competitions[0].competitors.count == 2)
            // The season's January weeks belong to the season that started in September.
            let january = try PayloadDecoder.decode(
                ESPNScoreboard.self, from: try await espn.scoreboard(path: "football/nfl", date: "20270103", now: now))
            #expect(!january.events.isEmpty && january.events.allSatisfy { $0.season?.year == 2026 })
        }
    }
}
