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
    /// P(home goals − away goals = d) at index `d + maximumGoals − 1`, for scores up to `maximumGoals` a side.
    private let differences: [Double]
    /// P(home goals + away goals = t) at index `t`.
    private let totals: [Double]

    private static let maximumGoals = 16

    /// Goals with means `home` and `away`.
    init(home: Double, away: Double) {
        self.home = home
        self.away = away
        let homeGoals = Probability.poissonPMF(home, count: Self.maximumGoals)
        let awayGoals = Probability.poissonPMF(away, count: Self.maximumGoals)
        // Every bet is on the difference or on the total, so their two distributions replace the grid of final
        // scores: a line's price sums 31 values, not 256, and a book's quote prices over forty lines.
        var differences = [Double](repeating: 0, count: 2 * Self.maximumGoals - 1)
        var totals = [Double](repeating: 0, count: 2 * Self.maximumGoals - 1)
        for h in 0..<Self.maximumGoals {
            for a in 0..<Self.maximumGoals {
                let probability = homeGoals[h] * awayGoals[a]
                differences[h - a + Self.maximumGoals - 1] += probability
                totals[h + a] += probability
            }
        }
        self.differences = differences
        self.totals = totals
    }

    /// P(home win), P(draw).
    func homeWinAndDraw() -> (homeWin: Double, draw: Double) {
        let level = Self.maximumGoals - 1
        var homeWin = 0.0
        for index in (level + 1)..<differences.count { homeWin += differences[index] }
        return (homeWin, differences[level])
    }

    /// The fair probability of a bet on `line` over a score value distributed as `distribution` (the value `first +
    /// i` at index `i`), winning when value + line is positive and pushing at zero: won over won-or-lost, each half
    /// of a quarter line counted on its own.
    private static func fairProbability(line: Double, _ distribution: [Double], first: Int) -> Double {
        let quarter = abs((abs(line) * 4).truncatingRemainder(dividingBy: 2) - 1) < 1e-9
        let lines = quarter ? [line - 0.25, line + 0.25] : [line]
        var won = 0.0
        var lost = 0.0
        for index in 0..<distribution.count {
            for part in lines {
                let value = Double(first + index) + part
                if value > 1e-9 { won += distribution[index] } else if value < -1e-9 { lost += distribution[index] }
            }
        }
        return won + lost > 0 ? won / (won + lost) : 0.5
    }

    /// The fair probability of the home side on the Asian handicap `line` (the home line).
    func homeCovers(line: Double) -> Double {
        Self.fairProbability(line: line, differences, first: 1 - Self.maximumGoals)
    }

    /// The fair probability of the over on the goal total `line`.
    func over(line: Double) -> Double {
        Self.fairProbability(line: -line, totals, first: 0)
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
