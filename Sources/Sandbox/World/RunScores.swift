/// Baseball's and hockey's scoring in the simulator: each side's runs (goals) Poisson with its own mean,
/// independent; a tie after regulation goes to extra innings (overtime, the shootout), which the home side wins
/// by one with probability `home / (home + away)`. Every bet is on the margin or on the total, so their two
/// distributions, built once, price any line.
struct RunScores: Sendable {
    /// P(home − away = m) at index `m + maximumRuns`, extra innings included.
    private let margins: [Double]
    /// P(home + away = t) at index `t`, extra innings included.
    private let totals: [Double]

    /// Runs beyond this many a side are too rare to move a price.
    private static let maximumRuns = 30

    /// The scores of a game whose sides expect `home` and `away` runs.
    init(home: Double, away: Double) {
        let n = Self.maximumRuns
        let homeRuns = Probability.poissonPMF(home, count: n)
        let awayRuns = Probability.poissonPMF(away, count: n)
        let homeWinsExtras = home / (home + away)
        var margins = [Double](repeating: 0, count: 2 * n + 1)
        var totals = [Double](repeating: 0, count: 2 * n)
        for h in 0..<n {
            for a in 0..<n {
                let probability = homeRuns[h] * awayRuns[a]
                if h == a {
                    margins[n + 1] += probability * homeWinsExtras
                    margins[n - 1] += probability * (1 - homeWinsExtras)
                    totals[h + a + 1] += probability
                } else {
                    margins[n + h - a] += probability
                    totals[h + a] += probability
                }
            }
        }
        self.margins = margins
        self.totals = totals
    }

    /// P(home win): extra innings decide every tie.
    var homeWin: Double {
        homeCovers(line: 0)
    }

    /// P(home margin + `line` > 0).
    func homeCovers(line: Double) -> Double {
        var probability = 0.0
        for index in 0..<margins.count where Double(index - Self.maximumRuns) + line > 0 { probability += margins[index] }
        return probability
    }

    /// P(total > `line`).
    func over(line: Double) -> Double {
        var probability = 0.0
        for index in 0..<totals.count where Double(index) > line { probability += totals[index] }
        return probability
    }

    /// The half-run total closest to an even over/under.
    func totalLine() -> Double {
        stride(from: 4.5, through: 15.5, by: 1.0).map { ($0, abs(over(line: $0) - 0.5)) }.min { $0.1 < $1.1 }!.0
    }
}
