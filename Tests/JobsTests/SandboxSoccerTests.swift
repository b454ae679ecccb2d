import Foundation
import Testing

@testable import Sandbox

/// The simulated Premier League: a round of ten matches every Saturday, Poisson goals with draws, three-way
/// moneylines with a realistic margin, and quarter-goal Asian handicaps and totals priced at the truth.
@Suite struct SandboxSoccerTests {
    private static let world = SandboxWorld(seed: 42, sports: [.epl])
    /// Twenty weeks of autumn 2025.
    private static let autumn = Date(timeIntervalSince1970: 1_756_684_800)..<Date(timeIntervalSince1970: 1_756_684_800 + 140 * 86_400)

    @Test func everyClubPlaysOnceEverySaturday() throws {
        let games = Self.world.games(.epl, startingIn: Self.autumn)
        #expect(games.count == 20 * 10)
        var eastern = Calendar(identifier: .gregorian)
        eastern.timeZone = TimeZone(identifier: "America/New_York")!
        for (_, round) in Dictionary(grouping: games, by: { eastern.startOfDay(for: $0.startsAt) }) {
            #expect(round.count == 10)
            #expect(Set(round.flatMap { [$0.home.abbreviation, $0.away.abbreviation] }).count == 20)
            #expect(round.allSatisfy { eastern.component(.weekday, from: $0.startsAt) == 7 })
        }
        #expect(games.allSatisfy { !$0.isDivisional && $0.home.division == nil })
    }

    @Test func goalsAndDrawsAreThoseOfTheLeague() {
        let games = Self.world.games(.epl, startingIn: Self.autumn)
        let goals = Double(games.reduce(0) { $0 + $1.finalScore.home + $1.finalScore.away }) / Double(games.count)
        let draws = Double(games.count { $0.finalScore.home == $0.finalScore.away }) / Double(games.count)
        let homeWins = Double(games.count { $0.finalScore.home > $0.finalScore.away }) / Double(games.count)
        // The Premier League: about 2.8 goals a game, a quarter of games drawn, the home side winning about 45 %.
        #expect(goals > 2.4 && goals < 3.2, "goals \(goals)")
        #expect(draws > 0.17 && draws < 0.33, "draws \(draws)")
        #expect(homeWins > 0.36 && homeWins < 0.54, "home wins \(homeWins)")
        // The truth's three outcomes sum to 1 and its draw is the model's.
        let model = OutcomeModel(sport: .epl)
        for game in games.prefix(20) {
            let (home, draw) = (model.homeWin(game.parameters), model.draw(game.parameters))
            let away = OutcomeModel(sport: .epl).homeWin(GameParameters(first: game.parameters.second, second: game.parameters.first))
            #expect(abs(home + draw + away - 1) < 1e-6)
        }
    }

    @Test func booksQuoteThreeWayMoneylinesAndAsianLines() throws {
        let world = Self.world
        let model = OutcomeModel(sport: .epl)
        var (quarters, wholes, halves) = (0, 0, 0)
        for game in world.games(.epl, startingIn: Self.autumn).prefix(30) {
            let quotes = world.quotes(game, bookmakers: Bookmaker.all, at: game.startsAt.addingTimeInterval(-3 * 3_600))
            #expect(quotes.count == Bookmaker.all.count)
            for quote in quotes {
                let draw = try #require(quote.drawPrice)
                let overround = 1 / quote.homePrice + 1 / draw + 1 / quote.awayPrice - 1
                #expect(overround > 0.01 && overround < 0.07, "\(quote.bookmaker.key) \(overround)")
                // Asian lines: quarter, half or whole goals, each side priced within a book's margin of even.
                for line in [quote.spread, quote.total] {
                    switch abs(line.truncatingRemainder(dividingBy: 1)) {
                    case 0.25, 0.75: quarters += 1
                    case 0.5: halves += 1
                    case 0: wholes += 1
                    default: Issue.record("\(line) is no quarter-goal line")
                    }
                }
                #expect(1 / quote.spreadPrices.0 > 0.4 && 1 / quote.spreadPrices.1 > 0.4, "\(quote.spread) \(quote.spreadPrices)")
            }
            // The fair lines are the ones closest to even, and a half line is priced at its win chance.
            let fair = world.fairLines(game)
            #expect(abs(fair.homeCovers - 0.5) < 0.3 && abs(fair.over - 0.5) < 0.3)
            let winByTwo = model.homeCovers(game.parameters, line: -1.5)
            #expect(winByTwo < model.homeWin(game.parameters))
        }
        #expect(quarters > 0 && wholes > 0 && halves > 0, "quarter \(quarters), whole \(wholes), half \(halves)")
    }

    @Test func quarterLinesArePricedWithTheirHalvesAndPushes() {
        let goals = SoccerGoals(home: 1.5, away: 1.2)
        let (homeWin, draw) = goals.homeWinAndDraw()
        // Home 0 (draw no bet): the draw is refunded, so the fair chance is the home win's share of the decided games.
        #expect(abs(goals.homeCovers(line: 0) - homeWin / (1 - draw)) < 1e-9)
        // Home −0.5 wins only on a home win.
        #expect(abs(goals.homeCovers(line: -0.5) - homeWin) < 1e-9)
        // Home −0.25 lies between them.
        let quarter = goals.homeCovers(line: -0.25)
        #expect(quarter < goals.homeCovers(line: 0) && quarter > goals.homeCovers(line: -0.5))
    }
}
