import Foundation
import Testing

@testable import Jobs
@testable import Sandbox

/// The Odds API's event odds with the `batter_hits` market: one event, each book's Over and Under per batter
/// and line, named as Statcast names the batter, vigged, priced from each batter's skill, charged as the
/// real service charges.
@Suite struct SandboxPropOddsTests {
    @Test func eventOddsCarryBatterHitsNamedAsStatcastNamesTheBatter() async throws {
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let upstream = UpstreamClient()
            let now = sandbox.clock.now
            let game = try #require(sandbox.world.games(.mlb, startingIn: now..<now.addingTimeInterval(86_400)).first)
            var seen: [String] = []
            for format in [OddsFormat.decimal, .american] {
                let client = OddsAPIClient(
                    configuration: OddsAPIConfiguration(baseURL: sandbox.baseURL, apiKey: "sandbox", oddsFormat: format), upstream: upstream
                )
                let response = try await client.eventOdds(
                    sport: "baseball_mlb", eventID: game.oddsAPIID, markets: ["batter_hits"], now: now)
                #expect(OddsAPIQuota(headers: response.headers)?.last == 1)
                let event = try PayloadDecoder.decode(OddsAPIEvent.self, from: response)
                #expect(event.id == game.oddsAPIID && event.homeTeam == game.home.oddsAPIName)
                #expect(event.bookmakers.map(\.key) == ["draftkings", "fanduel", "betmgm", "williamhill_us", "betonlineag"])
                for book in event.bookmakers {
                    #expect(book.markets.map(\.key) == ["batter_hits"])
                    let outcomes = book.markets[0].outcomes
                    // 18 batters × 2 lines × Over/Under.
                    #expect(outcomes.count == 72)
                    #expect(Set(outcomes.map(\.name)) == ["Over", "Under"] && Set(outcomes.compactMap(\.point)) == [0.5, 1.5])
                    #expect(outcomes.allSatisfy { format.decimalPrice($0.price) != nil && $0.description != nil })
                    if format == .american { #expect(outcomes.allSatisfy { $0.price == $0.price.rounded() }) }
                }
                seen = event.bookmakers.flatMap(\.markets).flatMap(\.outcomes).compactMap(\.description)
            }
            let expected = (sandbox.world.lineup(team: game.teamIndices.away) + sandbox.world.lineup(team: game.teamIndices.home)).map(
                \.name)
            #expect(Set(seen) == Set(expected))

            // Statcast's batter search names the same men: the names of the batters of the three days before, by id.
            let savant = try await upstream.get(
                source: "baseball-savant", baseURL: sandbox.baseURL, path: "/statcast_search/csv",
                query: [("player_type", "batter"), ("game_date_gt", "2026-05-06"), ("game_date_lt", "2026-05-08")], now: now)
            let csv = try StatcastCSV(savant.body, source: "baseball-savant", endpoint: "/statcast_search/csv")
            let (batter, name) = (csv.index(of: "batter")!, csv.index(of: "player_name")!)
            var names: [String: String] = [:]
            for row in csv.rows { names[row[batter]!] = row[name]! }
            let ids = (sandbox.world.lineup(team: game.teamIndices.away) + sandbox.world.lineup(team: game.teamIndices.home)).map(\.id)
            #expect(ids.map { names[String($0)] } == expected)
            // The default (pitcher) search is unchanged: it names pitchers.
            let pitcherSearch = try await upstream.get(
                source: "baseball-savant", baseURL: sandbox.baseURL, path: "/statcast_search/csv",
                query: [("player_type", "pitcher"), ("game_date_gt", "2026-05-07"), ("game_date_lt", "2026-05-08")], now: now)
            let pitcherCSV = try StatcastCSV(pitcherSearch.body, source: "baseball-savant", endpoint: "/statcast_search/csv")
            #expect(pitcherCSV.rows.allSatisfy { $0[name]!.hasPrefix("Pitcher ") })
        }
    }

    @Test func costIsUniqueMarketsTimesRegionsAndUnknownEventsAre404() async throws {
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let upstream = UpstreamClient()
            let now = sandbox.clock.now
            let game = try #require(sandbox.world.games(.mlb, startingIn: now..<now.addingTimeInterval(86_400)).first)
            let client = OddsAPIClient(
                configuration: OddsAPIConfiguration(
                    baseURL: sandbox.baseURL, apiKey: "sandbox", regions: ["us", "eu"], oddsFormat: .decimal),
                upstream: upstream)
            let both = try await client.eventOdds(
                sport: "baseball_mlb", eventID: game.oddsAPIID, markets: ["h2h", "batter_hits"], now: now)
            #expect(OddsAPIQuota(headers: both.headers)?.last == 4)
            let event = try PayloadDecoder.decode(OddsAPIEvent.self, from: both)
            #expect(event.bookmakers.first { $0.key == "pinnacle" }?.markets.map(\.key) == ["h2h", "batter_hits"])
            await #expect(throws: CollectorError.self) {
                _ = try await client.eventOdds(
                    sport: "baseball_mlb", eventID: String(repeating: "0", count: 32), markets: ["batter_hits"], now: now)
            }
            await #expect(throws: CollectorError.self) {
                _ = try await client.eventOdds(sport: "baseball_mlb", eventID: game.oddsAPIID, markets: ["batter_hitz"], now: now)
            }
            // Other sports have no batters: the event answers, with no books and no charge.
            let other = try #require(
                [SandboxSport.nba, .nhl, .epl].lazy.compactMap {
                    sandbox.world.games($0, startingIn: now..<now.addingTimeInterval(2 * 86_400)).first
                }
                .first)
            let none = try await client.eventOdds(
                sport: other.sport.league.oddsAPIKey, eventID: other.oddsAPIID, markets: ["batter_hits"], now: now)
            #expect(OddsAPIQuota(headers: none.headers)?.last == 0)
            #expect(try PayloadDecoder.decode(OddsAPIEvent.self, from: none).bookmakers.isEmpty)
        }
    }

    /// The books price skill: a better batter's Over is shorter, each pair carries a 4–8 % margin, and the
    /// margin-free probabilities match how often batters got a hit.
    @Test func pricesFollowTheBattersSkillWithARealisticMargin() {
        let world = SandboxWorld(seed: 42)
        let spring = Date(timeIntervalSince1970: 1_775_044_800)..<Date(timeIntervalSince1970: 1_780_228_800)
        var vigs: [Double] = []
        var implied = (overHalf: 0.0, overOneAndHalf: 0.0)
        var actual = (overHalf: 0, overOneAndHalf: 0)
        var lines = 0
        var skillAndPrice: [(skill: Double, fair: Double)] = []
        for game in world.games(.mlb, startingIn: spring).prefix(400) {
            guard let quote = world.propQuotes(game, regions: ["us"], at: game.startsAt.addingTimeInterval(-3 * 3600)).first else {
                continue
            }
            var hits: [Int: Int] = [:]
            for pitch in world.pitches(of: game) where ["single", "double", "triple", "home_run"].contains(pitch.event ?? "") {
                hits[pitch.batterID, default: 0] += 1
            }
            for line in quote.lines {
                let overround = 1 / line.over + 1 / line.under
                vigs.append(overround - 1)
                let fair = (1 / line.over) / overround
                if line.point == 0.5 {
                    implied.overHalf += fair
                    actual.overHalf += (hits[line.batterID] ?? 0) > 0 ? 1 : 0
                    lines += 1
                    skillAndPrice.append((world.batter(id: line.batterID)!.ballInPlayHitRate, fair))
                } else {
                    implied.overOneAndHalf += fair
                    actual.overOneAndHalf += (hits[line.batterID] ?? 0) > 1 ? 1 : 0
                }
            }
        }
        let n = Double(lines)
        let meanVig = vigs.reduce(0, +) / Double(vigs.count)
        print(
            "props: \(lines) batter-games; mean margin \(meanVig); P(>0.5) implied \(implied.overHalf / n) actual \(Double(actual.overHalf) / n);"
                + " P(>1.5) implied \(implied.overOneAndHalf / n) actual \(Double(actual.overOneAndHalf) / n)")
        #expect(lines > 5_000)
        #expect(meanVig > 0.04 && meanVig < 0.08)
        #expect(vigs.allSatisfy { $0 > 0.02 && $0 < 0.11 })
        // About 7 000 batter-games: a standard error near 0.006 on each rate.
        #expect(abs(implied.overHalf / n - Double(actual.overHalf) / n) < 0.03)
        #expect(abs(implied.overOneAndHalf / n - Double(actual.overOneAndHalf) / n) < 0.03)
        let correlation = Self.correlation(skillAndPrice.map(\.skill), skillAndPrice.map(\.fair))
        print("correlation of BABIP talent and the books' P(hits > 0.5): \(correlation)")
        #expect(correlation > 0.5)
    }

    /// The prices can be beaten only by knowing the batters: over a spring, the pick policy at the best US price wins
    /// money with each batter's true probability and loses it with the league's average for everyone.
    @Test func onlyAForecasterWhoKnowsTheBattersBeatsTheBooks() {
        let world = SandboxWorld(seed: 42)
        let spring = Date(timeIntervalSince1970: 1_775_044_800)..<Date(timeIntervalSince1970: 1_780_228_800)
        let league = SimulatedBatter(
            id: 0, teamIndex: 0, slot: 4, name: "", ballInPlayHitRate: SandboxWorld.leagueBABIP)
        var results: [String: (picks: Int, offered: Int, edge: Double, staked: Double, profit: Double)] = [:]
        for game in world.games(.mlb, startingIn: spring).prefix(400) {
            let quotes = world.propQuotes(game, regions: ["us"], at: game.startsAt.addingTimeInterval(-3 * 3600))
            guard let first = quotes.first else { continue }
            var hits: [Int: Int] = [:]
            for pitch in world.pitches(of: game) where ["single", "double", "triple", "home_run"].contains(pitch.event ?? "") {
                hits[pitch.batterID, default: 0] += 1
            }
            for (index, line) in first.lines.enumerated() {
                let over = quotes.map { $0.lines[index].over }.max()!
                let under = quotes.map { $0.lines[index].under }.max()!
                let batter = world.batter(id: line.batterID)!
                let average = SimulatedBatter(
                    id: batter.id, teamIndex: batter.teamIndex, slot: batter.slot, name: "", ballInPlayHitRate: league.ballInPlayHitRate)
                for (name, forecaster) in [("oracle", batter), ("average", average)] {
                    let p = world.batterHitsProbability(forecaster, over: line.point)
                    results[name, default: (0, 0, 0, 0, 0)].offered += 1
                    guard
                        let pick = PickSelector.standard.pick([
                            .init(selection: "over", probability: p, price: over),
                            .init(selection: "under", probability: 1 - p, price: under),
                        ])
                    else { continue }
                    let overWon = Double(hits[line.batterID] ?? 0) > line.point
                    let won = (pick.side.selection == "over") == overWon
                    results[name]!.picks += 1
                    results[name]!.edge += pick.edge
                    results[name]!.staked += pick.stake
                    results[name]!.profit += won ? pick.stake * (pick.side.price! - 1) : -pick.stake
                }
            }
        }
        for (name, result) in results.sorted(by: { $0.key < $1.key }) {
            print(
                "\(name) forecaster: \(result.picks) picks of \(result.offered) props, mean edge \(result.edge / Double(max(1, result.picks))),"
                    + " ROI \(result.profit / result.staked)")
        }
        let oracle = results["oracle"]!
        let average = results["average"]!
        #expect(oracle.picks > 0 && oracle.profit > 0)
        // About 2 000 average picks: the ROI's standard error is near 0.02.
        #expect(oracle.profit / oracle.staked - average.profit / average.staked > 0.03)
        #expect(average.profit / average.staked < 0.02)
    }

    private static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let (mx, my) = (x.reduce(0, +) / Double(x.count), y.reduce(0, +) / Double(y.count))
        var (sxy, sxx, syy) = (0.0, 0.0, 0.0)
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }
}
