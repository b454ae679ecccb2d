import Foundation

extension SandboxWorld {
    /// A Premier League match's team statistics: each side's shots that did not score are Poisson about 1.5 + 7.5 × its
    /// expected goals (12 to 13 shots a side in an average match, as in the real league), 27 % of them on target besides
    /// the goals; possession leans 12 points per expected goal of difference toward the stronger side; corners follow
    /// the shots. A side's saves are the other side's shots on target that did not score.
    func soccerStatistics(of game: SimulatedGame) -> (home: [TeamStatistic], away: [TeamStatistic]) {
        var random = SeededStream(seed: seed, 61, Int(game.espnID) ?? 0)
        let expected = (home: game.parameters.first, away: game.parameters.second)
        let homePossession = min(75, max(25, 50 + 12 * (expected.home - expected.away) + 4 * random.normal()))
        func shots(goals: Int, expected: Double) -> (total: Int, onTarget: Int) {
            let missed = random.poisson(1.5 + 7.5 * expected)
            return (goals + missed, goals + random.binomial(missed, 0.27))
        }
        let home = shots(goals: game.finalScore.home, expected: expected.home)
        let away = shots(goals: game.finalScore.away, expected: expected.away)
        func side(_ shots: (total: Int, onTarget: Int), possession: Double, saves: Int) -> [TeamStatistic] {
            [
                TeamStatistic("foulsCommitted", "Fouls", String(random.poisson(11))),
                TeamStatistic("yellowCards", "Yellow Cards", String(random.poisson(1.9))),
                TeamStatistic("redCards", "Red Cards", random.uniform() < 0.05 ? "1" : "0"),
                TeamStatistic("offsides", "Offsides", String(random.poisson(1.9))),
                TeamStatistic("wonCorners", "Corner Kicks", String(random.poisson(1.2 + 0.28 * Double(shots.total)))),
                TeamStatistic("saves", "Saves", String(saves)),
                TeamStatistic("possessionPct", "Possession", String(format: "%.1f", possession)),
                TeamStatistic("totalShots", "Shots", String(shots.total)),
                TeamStatistic("shotsOnTarget", "Shots on Goal", String(shots.onTarget)),
            ]
        }
        return (
            side(home, possession: homePossession, saves: away.onTarget - game.finalScore.away),
            side(away, possession: 100 - homePossession, saves: home.onTarget - game.finalScore.home)
        )
    }
}
