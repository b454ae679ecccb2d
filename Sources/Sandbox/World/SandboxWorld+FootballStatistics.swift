import Foundation

extension SandboxWorld {
    /// An NFL game's team statistics: each side's total yards are about 110 + 6 per expected point + 4 per point scored
    /// (about 330 a side, a standard deviation of 45 besides), over about 63 offensive plays; turnovers Poisson about
    /// 1.35, fewer for the side expected to outscore the other; third downs converted about 39 % of about 13 tries, more
    /// for a side expected or seen to score more. The two sides' possession adds up to the hour, leaning to the side
    /// with more plays.
    func footballStatistics(of game: SimulatedGame) -> (home: [TeamStatistic], away: [TeamStatistic]) {
        var random = SeededStream(seed: seed, 63, Int(game.espnID) ?? 0)
        let expected = (home: game.parameters.first, away: game.parameters.second)
        let points = game.finalScore
        let plays = (home: min(85, max(45, Int((63 + 5 * random.normal()).rounded()))), away: min(85, max(45, Int((63 + 5 * random.normal()).rounded()))))
        let homeSeconds = min(2_400, max(1_200, Int((1_800 + 30 * Double(plays.home - plays.away) + 60 * random.normal()).rounded())))
        func side(expected: Double, opponentExpected: Double, points: Int, opponentPoints: Int, plays: Int, seconds: Int) -> [TeamStatistic] {
            let yards = max(80, Int((110 + 6 * expected + 4 * Double(points) + 45 * random.normal()).rounded()))
            let rushingShare = min(0.7, max(0.15, 0.38 + 0.05 * random.normal() + 0.01 * Double(points - opponentPoints) / 7))
            let rushingYards = Int((Double(yards) * rushingShare).rounded())
            let rushingAttempts = min(plays - 15, Int((Double(plays) * (0.42 + 0.03 * random.normal())).rounded()))
            let sacks = min(random.poisson(2.3), plays - rushingAttempts - 10)
            let passAttempts = plays - rushingAttempts - sacks
            let completions = random.binomial(passAttempts, 0.65)
            let turnovers = random.poisson(max(0.3, 1.35 - 0.05 * (expected - opponentExpected)))
            let interceptions = random.binomial(turnovers, 0.55)
            let thirdDowns = max(6, random.poisson(13))
            let converted = random.binomial(thirdDowns, min(0.7, max(0.15, 0.39 + 0.008 * (expected - 22) + 0.004 * Double(points - 22))))
            let penalties = random.poisson(6)
            return [
                TeamStatistic("firstDowns", "1st Downs", String(max(5, Int((Double(yards) / 16.5 + 1.5 * random.normal()).rounded())))),
                TeamStatistic("thirdDownEff", "3rd down efficiency", "\(converted)-\(thirdDowns)"),
                TeamStatistic("totalOffensivePlays", "Total Plays", String(plays)),
                TeamStatistic("totalYards", "Total Yards", String(yards)),
                TeamStatistic("yardsPerPlay", "Yards per Play", String(format: "%.1f", Double(yards) / Double(plays))),
                TeamStatistic("netPassingYards", "Passing", String(yards - rushingYards)),
                TeamStatistic("completionAttempts", "Comp/Att", "\(completions)/\(passAttempts)"),
                TeamStatistic("interceptions", "Interceptions thrown", String(interceptions)),
                TeamStatistic("sacksYardsLost", "Sacks-Yards Lost", "\(sacks)-\(sacks * 7)"),
                TeamStatistic("rushingYards", "Rushing", String(rushingYards)),
                TeamStatistic("rushingAttempts", "Rushing Attempts", String(rushingAttempts)),
                TeamStatistic("totalPenaltiesYards", "Penalties", "\(penalties)-\(penalties * 8)"),
                TeamStatistic("turnovers", "Turnovers", String(turnovers)),
                TeamStatistic("fumblesLost", "Fumbles lost", String(turnovers - interceptions)),
                TeamStatistic("possessionTime", "Possession", String(format: "%d:%02d", seconds / 60, seconds % 60)),
            ]
        }
        return (
            side(
                expected: expected.home, opponentExpected: expected.away, points: points.home, opponentPoints: points.away, plays: plays.home,
                seconds: homeSeconds),
            side(
                expected: expected.away, opponentExpected: expected.home, points: points.away, opponentPoints: points.home, plays: plays.away,
                seconds: 3_600 - homeSeconds)
        )
    }
}
