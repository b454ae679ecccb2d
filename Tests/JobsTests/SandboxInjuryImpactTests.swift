import Foundation
import Testing

@testable import Sandbox

/// Injuries and divisions move the simulated world: the truth, the results and the books' lines.
@Suite struct SandboxInjuryImpactTests {
    /// Sixty days of spring, when both leagues play.
    private static let spring = Date(timeIntervalSince1970: 1_775_044_800)..<Date(timeIntervalSince1970: 1_780_228_800)
    /// Autumn 2026, the NFL's regular season but for its January weeks (the NFL does not play in spring).
    private static let autumn = Date(timeIntervalSince1970: 1_788_220_800)..<Date(timeIntervalSince1970: 1_798_761_600)
    private static let world = SandboxWorld(seed: 42)

    /// When `sport` plays: spring, or autumn for the NFL.
    private static func season(_ sport: SandboxSport) -> Range<Date> {
        sport == .nfl ? autumn : spring
    }

    /// The smallest impact of a star, points (NBA, NFL), runs (MLB) or goals (EPL, NHL) of margin.
    private static func starImpact(_ sport: SandboxSport) -> Double {
        switch sport {
        case .nba: 3.5
        case .mlb: 0.3
        case .epl, .nhl: 0.15
        case .nfl: 2.5
        }
    }

    /// The simulated leagues with six divisions of five (the Premier League has none, the NHL four of eight).
    private static let divided: [SandboxSport] = [.nba, .mlb]

    /// Games where exactly one team has injured players at the start, one of them a star listed out.
    private func gamesWithOnlyOneSideHurtByAStar(_ sport: SandboxSport) -> [(game: SimulatedGame, homeIsHurt: Bool)] {
        let world = Self.world
        return world.games(sport, startingIn: Self.season(sport)).compactMap { game in
            let home = world.injuries(sport, team: game.teamIndices.home, at: game.startsAt)
            let away = world.injuries(sport, team: game.teamIndices.away, at: game.startsAt)
            guard home.isEmpty != away.isEmpty else { return nil }
            let hurt = home.isEmpty ? away : home
            guard hurt.contains(where: { !$0.isDayToDay && $0.impact >= Self.starImpact(sport) }) else { return nil }
            return (game, !home.isEmpty)
        }
    }

    /// The books' consensus home win probability, their margin taken out (over the draw too in a three-way market).
    private func consensus(_ quotes: [BookQuote]) -> Double {
        let fair = quotes.map { quote in
            (1 / quote.homePrice) / (1 / quote.homePrice + 1 / quote.awayPrice + (quote.drawPrice.map { 1 / $0 } ?? 0))
        }
        return fair.reduce(0, +) / Double(fair.count)
    }

    @Test(arguments: SandboxSport.allCases)
    func aStarOutLowersHisTeamsTrueWinProbability(sport: SandboxSport) {
        let games = gamesWithOnlyOneSideHurtByAStar(sport)
        #expect(games.count >= 5, "spring has too few games with a star out: \(games.count)")
        let model = OutcomeModel(sport: sport)
        for (game, homeIsHurt) in games {
            let healthy = model.homeWin(game.conditions.parameters(losses: (0, 0)))
            let truth = Self.world.homeWinProbability(game)
            #expect(homeIsHurt ? truth < healthy : truth > healthy, "\(game.espnID): \(truth) against \(healthy) healthy")
            #expect((homeIsHurt ? game.injuryLoss.home : game.injuryLoss.away) >= Self.starImpact(sport))
            // The truth the endpoint serves is the parameters the result was drawn from.
            #expect(truth == model.homeWin(game.parameters))
        }
    }

    @Test(arguments: SandboxSport.allCases)
    func theTruthAndTheBooksMoveTheSameWay(sport: SandboxSport) {
        let world = Self.world
        let model = OutcomeModel(sport: sport)
        for (game, homeIsHurt) in gamesWithOnlyOneSideHurtByAStar(sport) {
            let time = game.startsAt.addingTimeInterval(-30 * 60)
            let listed = (
                home: world.injuries(sport, team: game.teamIndices.home, at: time),
                away: world.injuries(sport, team: game.teamIndices.away, at: time)
            )
            // The star was hurt before the close (the market saw him out for at least half an hour).
            guard (homeIsHurt ? listed.home : listed.away).contains(where: { $0.impact >= Self.starImpact(sport) }) else { continue }
            let books = consensus(world.quotes(game, bookmakers: Bookmaker.all, at: time))
            let blind = consensus(world.quotes(game, bookmakers: Bookmaker.all, at: time, listed: ([], [])))
            let truth = world.homeWinProbability(game) - model.homeWin(game.conditions.parameters(losses: (0, 0)))
            #expect((books - blind).sign == truth.sign, "\(game.espnID): books moved \(books - blind), the truth \(truth)")
            #expect(homeIsHurt ? books < blind : books > blind)
        }
    }

    @Test(arguments: SandboxSport.allCases)
    func booksThatReadTheInjuryListAreCloserToTheTruth(sport: SandboxSport) {
        let world = Self.world
        var (reading, blind, count) = (0.0, 0.0, 0)
        for game in world.games(sport, startingIn: Self.season(sport)) {
            let net = game.injuryLoss.home - game.injuryLoss.away
            guard abs(net) >= Self.starImpact(sport) / 2 else { continue }
            let time = game.startsAt.addingTimeInterval(-30 * 60)
            let truth = world.homeWinProbability(game)
            reading += abs(consensus(world.quotes(game, bookmakers: Bookmaker.all, at: time)) - truth)
            blind += abs(consensus(world.quotes(game, bookmakers: Bookmaker.all, at: time, listed: ([], []))) - truth)
            count += 1
        }
        #expect(count >= 20)
        #expect(reading < 0.8 * blind, "mean error \(reading / Double(count)) reading the list, \(blind / Double(count)) blind")
    }

    @Test(arguments: SandboxSport.allCases)
    func injuriesAtTheStartAreTheOnesThatCount(sport: SandboxSport) {
        let world = Self.world
        for game in world.games(sport, startingIn: Self.season(sport)).prefix(200) {
            #expect(game.injuryLoss.home == world.injuryLoss(sport, team: game.teamIndices.home, at: game.startsAt))
            #expect(game.injuryLoss.away == world.injuryLoss(sport, team: game.teamIndices.away, at: game.startsAt))
            let listed = world.injuries(sport, at: game.startsAt).first { $0.team == game.home }?.injuries ?? []
            #expect(abs(listed.reduce(0) { $0 + $1.loss } - game.injuryLoss.home) < 1e-12)
        }
    }

    @Test(arguments: divided)
    func everyFranchiseHasItsRealDivision(sport: SandboxSport) throws {
        let league = try #require(Self.world.league(sport))
        let divisions = Dictionary(grouping: league.teams) { $0.division?.displayName ?? "none" }
        #expect(divisions.count == 6 && divisions.values.allSatisfy { $0.count == 5 })
        let team = { (abbreviation: String) in league.teams.first { $0.abbreviation == abbreviation }?.division?.displayName }
        switch sport {
        case .nba:
            #expect(team("BOS") == "Atlantic" && team("UTAH") == "Northwest" && team("NO") == "Southwest")
        case .mlb:
            #expect(team("NYY") == "AL East" && team("ATH") == "AL West" && team("STL") == "NL Central")
        case .epl, .nhl, .nfl:
            Issue.record("not a league of six divisions")
        }
    }

    @Test(arguments: [(SandboxSport.nba, 1.25), (.mlb, 2.3)])
    func divisionRivalsMeetMoreOften(sport: SandboxSport, atLeast ratio: Double) throws {
        let world = Self.world
        let league = try #require(world.league(sport))
        let season = Self.spring.lowerBound..<Self.spring.lowerBound.addingTimeInterval(180 * 86_400)
        var meetings: [Set<String>: Int] = [:]
        for game in world.games(sport, startingIn: season) {
            meetings[[game.home.abbreviation, game.away.abbreviation], default: 0] += 1
            #expect(game.isDivisional == (game.home.division == game.away.division))
        }
        let teams = league.teams
        var (rivals, rivalPairs, others, otherPairs) = (0, 0, 0, 0)
        for i in teams.indices {
            for j in teams.indices where j > i {
                let count = meetings[[teams[i].abbreviation, teams[j].abbreviation]] ?? 0
                if teams[i].division == teams[j].division {
                    (rivals, rivalPairs) = (rivals + count, rivalPairs + 1)
                } else {
                    (others, otherPairs) = (others + count, otherPairs + 1)
                }
            }
        }
        #expect(rivalPairs == 60 && otherPairs == 375)
        let measured = (Double(rivals) / Double(rivalPairs)) / (Double(others) / Double(otherPairs))
        #expect(measured >= ratio, "rivals meet \(measured) times as often as other pairs")
    }

    @Test(arguments: divided)
    func divisionGamesAreCloserWithASmallerHomeEdge(sport: SandboxSport) {
        let model = OutcomeModel(sport: sport)
        let games = Self.world.games(sport, startingIn: Self.season(sport)).filter(\.isDivisional)
        #expect(games.count >= 20)
        for game in games {
            // Average starters on both sides, so the baseball margin is the runs' difference over the carry.
            var c = game.conditions
            c.runsAllowed = (1, 1)
            func variant(gap: Double, divisional: Bool) -> GameConditions {
                GameConditions(sport: sport, strengthGap: gap, homeEdge: c.homeEdge, isDivisional: divisional, scoring: c.scoring)
            }
            // The expected home margin, points or runs.
            func margin(_ conditions: GameConditions) -> Double {
                let p = conditions.parameters(losses: game.injuryLoss)
                return sport == .nba ? p.first : (p.first - p.second) / c.scoring
            }
            // Between equal teams the home side wins less often in a division game.
            let even = (
                variant(gap: 0, divisional: true).parameters(losses: (0, 0)), variant(gap: 0, divisional: false).parameters(losses: (0, 0))
            )
            #expect(model.homeWin(even.0) < model.homeWin(even.1))
            // Whoever is stronger, the difference between the teams counts for less.
            let cut = GameConditions.divisionalHomeCut(sport)
            #expect(abs(margin(c) - c.homeEdge + cut) < abs(margin(variant(gap: c.strengthGap, divisional: false)) - c.homeEdge))
        }
    }

    @Test func theSameSeedMakesTheSameGamesLinesAndInjuriesInAnyOrder() {
        let (first, second, other) = (SandboxWorld(seed: 7), SandboxWorld(seed: 7), SandboxWorld(seed: 8))
        for sport in SandboxSport.allCases {
            // Ten days of the sport's season (twenty of the NFL's, two weeks of games).
            let start = Self.season(sport).lowerBound
            let span = start..<start.addingTimeInterval((sport == .nfl ? 20 : 10) * 86_400)
            // The second world is asked about the later days first, and about lines before results.
            _ = second.games(sport, startingIn: span.lowerBound.addingTimeInterval(5 * 86_400)..<span.upperBound)
            let games = first.games(sport, startingIn: span)
            let again = second.games(sport, startingIn: span)
            #expect(games.map(\.espnID) == again.map(\.espnID))
            for (a, b) in zip(games, again) {
                let time = a.startsAt.addingTimeInterval(-3 * 3600)
                #expect(first.quotes(a, bookmakers: Bookmaker.all, at: time) == second.quotes(b, bookmakers: Bookmaker.all, at: time))
                #expect(a.home == b.home && a.away == b.away && a.parameters == b.parameters)
                #expect(a.finalScore == b.finalScore && a.injuryLoss == b.injuryLoss)
                #expect(
                    first.injuries(sport, team: a.teamIndices.home, at: time) == second.injuries(sport, team: b.teamIndices.home, at: time))
            }
            let elsewhere = other.games(sport, startingIn: span)
            #expect(!games.isEmpty && elsewhere.map(\.parameters) != games.map(\.parameters))
        }
    }
}
