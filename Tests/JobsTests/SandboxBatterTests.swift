import Foundation
import Testing

@testable import Sandbox

/// Batters with individual skill: each simulated batter keeps a seeded talent for hits, and the Statcast
/// pitches the sandbox plays out show it.
@Suite struct SandboxBatterTests {
    /// Sixty days of spring, about 55 games per team.
    private static let spring = Date(timeIntervalSince1970: 1_775_044_800)..<Date(timeIntervalSince1970: 1_780_228_800)
    private static let world = SandboxWorld(seed: 42)

    /// Each batter's plate appearances and hits in the pitches of every MLB game of the span.
    private static func lines(_ world: SandboxWorld) -> [Int: (plateAppearances: Int, hits: Int)] {
        var lines: [Int: (plateAppearances: Int, hits: Int)] = [:]
        for game in world.games(.mlb, startingIn: spring) {
            for pitch in world.pitches(of: game) {
                guard let event = pitch.event else { continue }
                let hit = ["single", "double", "triple", "home_run"].contains(event)
                lines[pitch.batterID, default: (0, 0)].plateAppearances += 1
                lines[pitch.batterID, default: (0, 0)].hits += hit ? 1 : 0
            }
        }
        return lines
    }

    @Test func betterDrawnBattersGetMoreHits() throws {
        let world = Self.world
        let lines = Self.lines(world)
        let batters = try lines.keys.map { try #require(world.batter(id: $0)) }.sorted { $0.ballInPlayHitRate < $1.ballInPlayHitRate }
        #expect(batters.count == 270)
        let fifth = batters.count / 5
        func pooledRate(_ group: ArraySlice<SimulatedBatter>) -> Double {
            let totals = group.reduce((0, 0)) { ($0.0 + lines[$1.id]!.plateAppearances, $0.1 + lines[$1.id]!.hits) }
            return Double(totals.1) / Double(totals.0)
        }
        let worst = pooledRate(batters.prefix(fifth))
        let best = pooledRate(batters.suffix(fifth))
        let drawnWorst = batters.prefix(fifth).reduce(0) { $0 + $1.hitProbabilityPerPlateAppearance } / Double(fifth)
        let drawnBest = batters.suffix(fifth).reduce(0) { $0 + $1.hitProbabilityPerPlateAppearance } / Double(fifth)
        print("hits per plate appearance: worst fifth \(worst) (drawn \(drawnWorst)), best fifth \(best) (drawn \(drawnBest))")
        // Each fifth has about 54 × 220 plate appearances: a standard error of 0.004 on its rate.
        #expect(best - worst > 0.04)
        #expect(abs(worst - drawnWorst) < 0.015 && abs(best - drawnBest) < 0.015)
        // The league's rate is what the pitch odds imply, which books price from.
        let all = pooledRate(batters[...])
        let implied = PlateAppearanceOdds.ballInPlay * SandboxWorld.leagueBABIP
        print("league hits per plate appearance \(all), implied \(implied)")
        #expect(abs(all - implied) < 0.01)
    }

    @Test func talentIsStableAndSpreadLikeRealBattingAverages() {
        let world = Self.world
        let batters = (0..<30).flatMap { world.lineup(team: $0) }
        #expect(batters.allSatisfy { world.batter(id: $0.id) == $0 })
        #expect(SandboxWorld(seed: 42).lineup(team: 3) == world.lineup(team: 3))
        #expect(SandboxWorld(seed: 43).lineup(team: 3) != world.lineup(team: 3))
        #expect(Set(batters.map(\.name)).count == batters.count)
        #expect(world.batter(id: 600_009) == nil && world.batter(id: 599_999) == nil)
        let averages = batters.map(\.battingAverage).sorted()
        let (low, high) = (averages[averages.count / 20], averages[averages.count * 19 / 20])
        print("batting averages: 5th percentile \(low), 95th \(high), min \(averages.first!), max \(averages.last!)")
        #expect(low > 0.2 && low < 0.235 && high > 0.28 && high < 0.32)
        // The top of the order hits better than the bottom.
        func slotAverage(_ slots: ClosedRange<Int>) -> Double {
            let group = batters.filter { slots.contains($0.slot) }
            return group.reduce(0) { $0 + $1.battingAverage } / Double(group.count)
        }
        #expect(slotAverage(0...2) - slotAverage(6...8) > 0.015)
    }
}
