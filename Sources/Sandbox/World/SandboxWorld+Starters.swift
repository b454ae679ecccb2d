import Foundation
import Synchronization

extension SandboxWorld {
    private static let pitcherFirstNames = [
        "Alex", "Jordan", "Chris", "Sam", "Taylor", "Jamie", "Drew", "Casey", "Riley", "Morgan", "Avery", "Quinn", "Blake", "Cole",
        "Dylan", "Evan", "Gavin", "Hunter", "Logan", "Mason",
    ]
    private static let pitcherLastNames = [
        "Garcia", "Smith", "Nakamura", "Okafor", "Jensen", "Silva", "Novak", "Reyes", "Brooks", "Kim", "Ortiz", "Walsh", "Castillo",
        "Fischer", "Hayes", "Ibarra", "Keller", "Lindqvist", "Moreno", "Nolan", "Pereira", "Sato", "Tanaka", "Valdez",
    ]

    /// How long before the start ESPN lists a game's probable starters: an hour before the market opens,
    /// so they are known when lines are first posted, which price them only partly at first.
    public var probablesAnnouncedBeforeStart: TimeInterval { marketOpensBeforeStart + 3_600 }

    /// The five starters of the MLB team at `team` (its index in the league), best first: each with a
    /// runs-allowed factor drawn around 1 (standard deviation 0.07, within 0.85 to 1.15).
    func rotation(team: Int) -> [StartingPitcher] {
        let drawn = (0..<5).map { index -> (name: String, jersey: Int, runsAllowed: Double) in
            var random = SeededStream(seed: seed, 50, team, index)
            let first = Self.pitcherFirstNames[Int(random.uniform() * Double(Self.pitcherFirstNames.count))]
            let last = Self.pitcherLastNames[Int(random.uniform() * Double(Self.pitcherLastNames.count))]
            let jersey = 10 + Int(random.uniform() * 90)
            return (first + " " + last, jersey, 1 + min(0.15, max(-0.15, 0.07 * random.normal())))
        }
        return drawn.sorted { $0.runsAllowed < $1.runsAllowed }.enumerated().map { slot, pitcher in
            let parts = pitcher.name.split(separator: " ")
            return StartingPitcher(
                id: String(40_000 + team * 10 + slot), fullName: pitcher.name, shortName: "\(parts[0].prefix(1)). \(parts[1])",
                jersey: String(pitcher.jersey), team: team, rotationSlot: slot, runsAllowed: pitcher.runsAllowed)
        }
    }

    /// The MLB team's starter on `day`, if it plays: the rotation goes round one starter per game from
    /// the first day of the Eastern year; after a day off the fifth starter is skipped and the ace pitches.
    func starter(team: Int, day: Int) -> StartingPitcher? {
        let yearStart = calendar.day(yyyymmdd: String(format: "%04d0101", calendar.year(of: day)))!
        let table = rotationSlots(yearStart: yearStart)
        let slot = table[day - yearStart][team]
        return slot < 0 ? nil : rotation(team: team)[slot]
    }

    /// The games `pitcher` started in the Eastern year of `day`, before `day`, with his decisions, innings
    /// and earned runs (`startLine`).
    public func record(of pitcher: StartingPitcher, before day: Int) -> PitchingRecord {
        let yearStart = calendar.day(yyyymmdd: String(format: "%04d0101", calendar.year(of: day)))!
        let table = rotationSlots(yearStart: yearStart)
        var (wins, losses, earnedRuns, outs) = (0, 0, 0, 0)
        for earlier in yearStart..<day where table[earlier - yearStart][pitcher.team] == pitcher.rotationSlot {
            guard let game = games(.mlb, day: earlier).first(where: { $0.teamIndices.home == pitcher.team || $0.teamIndices.away == pitcher.team })
            else { continue }
            let line = startLine(of: pitcher, in: game)
            earnedRuns += line.earnedRuns
            outs += line.outs
            switch line.won {
            case true?: wins += 1
            case false?: losses += 1
            case nil: break
            }
        }
        return PitchingRecord(wins: wins, losses: losses, earnedRuns: earnedRuns, outs: outs)
    }

    /// `pitcher`'s line in `game`, which he started: each opponent run is his with the share of the innings he
    /// pitched (4 to 7, more for better starters); a starter who went five innings or more takes his team's
    /// result as his decision three times in four. His strikeouts and walks are drawn from his rates over the batters he
    /// faced; hits and home runs from the league's rates and his runs, so they say nothing of him the runs do not.
    public func startLine(of pitcher: StartingPitcher, in game: SimulatedGame) -> PitcherStartLine {
        let isHome = game.teamIndices.home == pitcher.team
        let (scored, allowed) = isHome ? (game.finalScore.home, game.finalScore.away) : (game.finalScore.away, game.finalScore.home)
        var random = SeededStream(seed: seed, 51, Int(game.espnID) ?? 0, isHome ? 0 : 1)
        let outs = min(21, max(12, Int((17 + 3 * (1 - pitcher.runsAllowed) / 0.15 + 3 * random.normal()).rounded())))
        let earnedRuns = (0..<allowed).reduce(0) { sum, _ in sum + (random.uniform() < Double(outs) / 27 ? 1 : 0) }
        var won: Bool?
        if outs >= 15 && random.uniform() < 0.75 { won = scored > allowed }
        // A second stream, so the draws above (and every record printed before these columns) stay as they were.
        var more = SeededStream(seed: seed, 52, Int(game.espnID) ?? 0, isHome ? 0 : 1)
        let innings = Double(outs) / 3
        let strikeouts = more.poisson(pitcher.strikeoutsPerNine * innings / 9)
        let walks = more.poisson(pitcher.walksPerNine * innings / 9)
        let homeRuns = min(earnedRuns, more.poisson(1.1 * innings / 9))
        let hits = more.poisson(5.8 * innings / 9) + earnedRuns
        let batters = outs + hits + walks
        let pitches = Int((3.85 * Double(batters) + 1.5 * Double(strikeouts + walks) + 2 * more.normal()).rounded())
        let strikes = Int((0.64 * Double(pitches)).rounded())
        return PitcherStartLine(
            outs: outs, hits: hits, earnedRuns: earnedRuns, walks: walks, strikeouts: strikeouts, homeRuns: homeRuns, pitches: pitches,
            strikes: strikes, won: won)
    }

    /// The probable starters of `game` as ESPN lists them at `now`: none before the announcement, nor
    /// outside baseball; kept once the game is over.
    public func probables(_ game: SimulatedGame, at now: Date) -> (home: StartingPitcher, away: StartingPitcher)? {
        guard let starters = game.starters, now >= game.startsAt.addingTimeInterval(-probablesAnnouncedBeforeStart) else { return nil }
        return starters
    }

    /// Each team's rotation slot on every day of the year from `yearStart` (−1 on a day off), cached.
    private func rotationSlots(yearStart: Int) -> [[Int]] {
        if let cached = rotations.withLock({ $0[yearStart] }) { return cached }
        let teams = league(.mlb)?.teams.count ?? 0
        var next = [Int](repeating: 0, count: teams)
        var lastPlayed = [Int](repeating: yearStart - 1, count: teams)
        var table: [[Int]] = []
        for day in yearStart..<(yearStart + 366) {
            var slots = [Int](repeating: -1, count: teams)
            for pairing in pairings(.mlb, day: day) {
                for team in [pairing.home, pairing.away] {
                    if next[team] == 4 && day - lastPlayed[team] > 1 { next[team] = 0 }
                    slots[team] = next[team]
                    next[team] = (next[team] + 1) % 5
                    lastPlayed[team] = day
                }
            }
            table.append(slots)
        }
        rotations.withLock { $0[yearStart] = table }
        return table
    }
}
