import Foundation

extension SandboxWorld {
    /// An NHL game's team statistics: each side's shots on goal are its goals plus a Poisson number about 27.5 shots at
    /// the league's 3.05 expected goals, growing with the side's expected goals to the power 1.5 (better teams outshoot
    /// their opponents); power-play chances Poisson about 3 a side, more for the side expected to score more (it draws
    /// the penalties), each goal a power-play goal with 6.5 % per chance (about one in five chances converted). A
    /// side's penalties are the other side's power plays, two minutes each. A shootout's winning goal is in the final
    /// score, not among the shots.
    func hockeyStatistics(of game: SimulatedGame) -> (home: [TeamStatistic], away: [TeamStatistic]) {
        var random = SeededStream(seed: seed, 62, Int(game.espnID) ?? 0)
        let expected = (home: game.parameters.first, away: game.parameters.second)
        func shots(goals: Int, expected: Double) -> Int {
            goals + random.poisson(27.5 * pow(expected / 3.05, 1.5))
        }
        let shots = (home: shots(goals: game.finalScore.home, expected: expected.home), away: shots(goals: game.finalScore.away, expected: expected.away))
        let chances = (
            home: random.poisson(max(0.5, 3 + 0.8 * (expected.home - expected.away))),
            away: random.poisson(max(0.5, 3 + 0.8 * (expected.away - expected.home)))
        )
        // At most one goal per chance: a goal ends the power play.
        let powerPlayGoals = (
            home: min(chances.home, random.binomial(game.finalScore.home, min(0.6, 0.065 * Double(chances.home)))),
            away: min(chances.away, random.binomial(game.finalScore.away, min(0.6, 0.065 * Double(chances.away))))
        )
        let faceoffs = 50 + random.poisson(8)
        let homeFaceoffs = random.binomial(faceoffs, min(0.6, max(0.4, 0.5 + 0.03 * (expected.home - expected.away))))
        func side(shots: Int, chances: Int, goals: Int, faceoffsWon: Int, penalties: Int) -> [TeamStatistic] {
            [
                TeamStatistic("blockedShots", "Blocked Shots", String(random.poisson(14))),
                TeamStatistic("hits", "Hits", String(random.poisson(21))),
                TeamStatistic("takeaways", "Takeaways", String(random.poisson(6))),
                TeamStatistic("shotsTotal", "Shots", String(shots)),
                TeamStatistic("powerPlayGoals", "Power Play Goals", String(goals)),
                TeamStatistic("powerPlayOpportunities", "Power Play Opportunities", String(chances)),
                TeamStatistic(
                    "powerPlayPct", "Power Play Percentage", String(format: "%.1f", chances > 0 ? 100 * Double(goals) / Double(chances) : 0)),
                TeamStatistic("shortHandedGoals", "Short Handed Goals", "0"),
                TeamStatistic("faceoffsWon", "Faceoffs Won", String(faceoffsWon)),
                TeamStatistic("faceoffPercent", "Faceoff Win Percent", String(format: "%.1f", 100 * Double(faceoffsWon) / Double(faceoffs))),
                TeamStatistic("giveaways", "Giveaways", String(random.poisson(8))),
                TeamStatistic("penalties", "Total Penalties", String(penalties)),
                TeamStatistic("penaltyMinutes", "Penalty Minutes", String(2 * penalties)),
            ]
        }
        return (
            side(shots: shots.home, chances: chances.home, goals: powerPlayGoals.home, faceoffsWon: homeFaceoffs, penalties: chances.away),
            side(shots: shots.away, chances: chances.away, goals: powerPlayGoals.away, faceoffsWon: faceoffs - homeFaceoffs, penalties: chances.home)
        )
    }
}
