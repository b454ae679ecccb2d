extension SandboxWorld {
    /// Each team's statistics of `game` as its final box score prints them, in ESPN's names and formats: soccer's
    /// shots and possession, hockey's shots and power plays, football's yards, plays and turnovers. `nil` for the NBA
    /// and MLB, whose box scores list players instead.
    ///
    /// The numbers follow the game's truth: each side's expected score (its strength, home edge, rest and injuries)
    /// drives its volume (shots, yards, possession) and the final score its finishing (goals among the shots on
    /// target, yards on scoring drives), so over a few games they tell a team's strength better than its scores do.
    /// A pure function of the seed and the game.
    public func teamStatistics(of game: SimulatedGame) -> (home: [TeamStatistic], away: [TeamStatistic])? {
        switch game.sport {
        case .epl: soccerStatistics(of: game)
        case .nhl: hockeyStatistics(of: game)
        case .nfl: footballStatistics(of: game)
        case .nba, .mlb: nil
        }
    }
}

extension SeededStream {
    /// The number of successes in `trials` draws of probability `probability`.
    mutating func binomial(_ trials: Int, _ probability: Double) -> Int {
        (0..<max(0, trials)).reduce(0) { count, _ in count + (uniform() < probability ? 1 : 0) }
    }
}
