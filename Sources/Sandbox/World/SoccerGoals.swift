/// Soccer's scoring in the simulator: each side's goals Poisson with its own mean, independent, and a level
/// score a draw (no extra time in a league game). Any Asian handicap or goal total (whole, half or quarter) is
/// priced at the probability that makes a bet's expected return zero: a push refunds, and a quarter line is half the
/// stake on each neighbouring line. The books hang Asian lines as real ones do: whole, half and quarter goals (0,
/// −0.25, −0.5, 2.75), the one whose sides are closest to even, so a main line may push or be half won.
struct SoccerGoals: Sendable {
    /// Mean goals of the home side.
    let home: Double
    /// Mean goals of the away side.
    let away: Double
    /// Every final score up to `maximumGoals` a side, with its probability.
    private let scores: [(home: Int, away: Int, probability: Double)]

    private static let maximumGoals = 16

    /// Goals with means `home` and `away`.
    init(home: Double, away: Double) {
        self.home = home
        self.away = away
        let homeGoals = Probability.poissonPMF(home, count: Self.maximumGoals)
        let awayGoals = Probability.poissonPMF(away, count: Self.maximumGoals)
        var scores: [(home: Int, away: Int, probability: Double)] = []
        scores.reserveCapacity(Self.maximumGoals * Self.maximumGoals)
        for h in 0..<Self.maximumGoals {
            for a in 0..<Self.maximumGoals { scores.append((h, a, homeGoals[h] * awayGoals[a])) }
        }
        self.scores = scores
    }

    /// P(home win), P(draw).
    func homeWinAndDraw() -> (homeWin: Double, draw: Double) {
        scores.reduce((0, 0)) { sum, score in
            (sum.0 + (score.home > score.away ? score.probability : 0), sum.1 + (score.home == score.away ? score.probability : 0))
        }
    }

    /// The fair probability of a bet whose margin over `line` is `margin(score) + line` (positive wins, zero
    /// pushes): won over won-or-lost, each half of a quarter line counted on its own.
    func fairProbability(line: Double, _ margin: (_ home: Int, _ away: Int) -> Double) -> Double {
        let quarter = abs((abs(line) * 4).truncatingRemainder(dividingBy: 2) - 1) < 1e-9
        let lines = quarter ? [line - 0.25, line + 0.25] : [line]
        var won = 0.0
        var lost = 0.0
        for score in scores {
            for part in lines {
                let value = margin(score.home, score.away) + part
                if value > 1e-9 { won += score.probability } else if value < -1e-9 { lost += score.probability }
            }
        }
        return won + lost > 0 ? won / (won + lost) : 0.5
    }

    /// The fair probability of the home side on the Asian handicap `line` (the home line).
    func homeCovers(line: Double) -> Double {
        fairProbability(line: line) { home, away in Double(home - away) }
    }

    /// The fair probability of the over on the goal total `line`.
    func over(line: Double) -> Double {
        fairProbability(line: -line) { home, away in Double(home + away) }
    }

    /// The quarter-goal handicap whose home side is closest to even.
    func handicapLine() -> Double {
        Self.nearestEven(stride(from: -3.5, through: 3.5, by: 0.25)) { homeCovers(line: $0) }
    }

    /// The quarter-goal total closest to an even over/under.
    func totalLine() -> Double {
        Self.nearestEven(stride(from: 1.5, through: 4.5, by: 0.25)) { over(line: $0) }
    }

    /// The line of `lines` whose `probability` is closest to one half.
    private static func nearestEven(_ lines: StrideThrough<Double>, _ probability: (Double) -> Double) -> Double {
        lines.map { ($0, abs(probability($0) - 0.5)) }.min { $0.1 < $1.1 }!.0
    }

    /// A final score.
    func finalScore(random: inout SeededStream) -> (home: Int, away: Int) {
        (random.poisson(home), random.poisson(away))
    }
}
