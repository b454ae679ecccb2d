import Synchronization

/// American football's scoring in the simulator: each side has twelve possessions, each ending in a touchdown
/// (7 points; 6 after a missed extra point, 8 after a two-point conversion), a field goal (3) or nothing, with
/// probabilities in proportion to the side's expected points. A tie after regulation goes to overtime, which the
/// home side wins with probability `home / (home + away)`, by a field goal (3) or a touchdown (6).
///
/// Scores come in threes and sevens, so margins of 3 and 7 are the most common (football's key numbers), and
/// with both sides at 22 points the margin's standard deviation is about 13.6 points. The probabilities of every
/// bet are exact for this process: the margin's and the total's distributions are convolutions of the possessions'.
struct FootballScores: Sendable {
    /// Expected points of the home side.
    let home: Double
    /// Expected points of the away side.
    let away: Double
    /// The expected points asked for, before clamping (the cache's key).
    private var requested: (home: Double, away: Double) = (.nan, .nan)
    /// P(margin ≥ m) at index `m + offset`, overtime included: every spread's probability is one lookup.
    private let marginsAtLeast: [Double]
    /// P(total ≥ t) at index `t`, overtime included.
    private let totalsAtLeast: [Double]
    /// The index of margin 0 in `marginsAtLeast`.
    private static let offset = maximumPoints + 6
    /// The scores last asked for: the truth of a game's markets is asked one market at a time about the same
    /// parameters (a book's quote asks once, through `OutcomeModel.lines`), and building them is the costly part.
    private static let recent = Mutex<FootballScores?>(nil)

    /// Possessions per side.
    static let possessions = 12
    /// A touchdown's share of possessions for a side expected to score `referencePoints` (about 22).
    private static let touchdownRate = 0.2
    /// A field goal's share of possessions for a side expected to score `referencePoints`.
    private static let fieldGoalRate = 0.145
    private static let touchdownValues: [(points: Int, probability: Double)] = [(7, 0.92), (6, 0.05), (8, 0.03)]
    private static let referencePoints = Double(possessions) * (touchdownRate * 6.98 + fieldGoalRate * 3)
    /// The most a side can score in regulation.
    private static let maximumPoints = possessions * 8
    /// Overtime's winning score: a field goal or a touchdown.
    private static let overtimeValues: [(points: Int, probability: Double)] = [(3, 0.6), (6, 0.4)]

    /// Scores with expected points `home` and `away` (each kept between 3 and 50).
    init(home: Double, away: Double) {
        self.home = min(max(home, 3), 50)
        self.away = min(max(away, 3), 50)
        let homePoints = Self.points(expected: self.home)
        let awayPoints = Self.points(expected: self.away)
        let homeWinsOvertime = self.home / (self.home + self.away)
        let size = Self.maximumPoints
        var margins = [Double](repeating: 0, count: 2 * size + 2 * 6 + 1)
        var totals = [Double](repeating: 0, count: 2 * size + 6 + 1)
        let offset = Self.offset
        // Scores less likely than 1e-15 change no price.
        for h in 0..<homePoints.count where homePoints[h] > 1e-15 {
            let ph = homePoints[h]
            for a in 0..<awayPoints.count where awayPoints[a] > 1e-15 {
                let pa = awayPoints[a]
                let probability = ph * pa
                if h == a {
                    for extra in Self.overtimeValues {
                        margins[offset + extra.points] += probability * extra.probability * homeWinsOvertime
                        margins[offset - extra.points] += probability * extra.probability * (1 - homeWinsOvertime)
                        totals[h + a + extra.points] += probability * extra.probability
                    }
                } else {
                    margins[offset + h - a] += probability
                    totals[h + a] += probability
                }
            }
        }
        for index in margins.indices.reversed().dropFirst() { margins[index] += margins[index + 1] }
        for index in totals.indices.reversed().dropFirst() { totals[index] += totals[index + 1] }
        marginsAtLeast = margins
        totalsAtLeast = totals
    }

    /// The scores for expected points `home` and `away`, built once for repeated questions about the same game.
    static func of(home: Double, away: Double) -> FootballScores {
        if let recent = recent.withLock({ $0 }), recent.requested == (home, away) { return recent }
        var scores = FootballScores(home: home, away: away)
        scores.requested = (home, away)
        recent.withLock { [scores] in $0 = scores }
        return scores
    }

    /// The distribution of a side's regulation points when it expects `expected`: its possessions convolved.
    private static func points(expected: Double) -> [Double] {
        let scale = expected / referencePoints
        let touchdown = touchdownRate * scale
        let fieldGoal = fieldGoalRate * scale
        var possession = [Double](repeating: 0, count: 9)
        possession[0] = 1 - touchdown - fieldGoal
        possession[3] = fieldGoal
        for value in touchdownValues { possession[value.points] += touchdown * value.probability }
        var distribution = [1.0]
        for _ in 0..<possessions {
            var next = [Double](repeating: 0, count: distribution.count + 8)
            for points in 0..<distribution.count where distribution[points] > 0 {
                let p = distribution[points]
                for gained in 0..<possession.count where possession[gained] > 0 { next[points + gained] += p * possession[gained] }
            }
            distribution = next
        }
        return distribution
    }

    /// P(home win); overtime decides every tie.
    var homeWin: Double {
        homeCovers(line: 0)
    }

    /// P(home margin + `line` > 0): the margin is at least the next whole number above −`line`.
    func homeCovers(line: Double) -> Double {
        Self.atLeast(marginsAtLeast, Int((-line).rounded(.down)) + 1 + Self.offset)
    }

    /// P(total > `line`).
    func over(line: Double) -> Double {
        Self.atLeast(totalsAtLeast, Int(line.rounded(.down)) + 1)
    }

    private static func atLeast(_ cumulative: [Double], _ index: Int) -> Double {
        index <= 0 ? 1 : index >= cumulative.count ? 0 : cumulative[index]
    }

    /// The home side's half-point spread closest to an even bet; the favourite gives the points.
    func spreadLine() -> Double {
        let line = stride(from: -30.5, through: 30.5, by: 1.0).min { abs(homeCovers(line: $0) - 0.5) < abs(homeCovers(line: $1) - 0.5) }!
        // No game ends level, so −0.5 and +0.5 are the same bet (the moneyline): only rounding would pick between them.
        return abs(line) == 0.5 ? (homeWin >= 0.5 ? -0.5 : 0.5) : line
    }

    /// The half-point total closest to an even bet.
    func totalLine() -> Double {
        stride(from: 20.5, through: 80.5, by: 1.0).min { abs(over(line: $0) - 0.5) < abs(over(line: $1) - 0.5) }!
    }

    /// Draws a final score: each possession in turn, then overtime on a tie.
    func finalScore(random: inout SeededStream) -> (home: Int, away: Int) {
        func regulation(_ expected: Double) -> Int {
            let scale = expected / Self.referencePoints
            var points = 0
            for _ in 0..<Self.possessions {
                let u = random.uniform()
                if u < Self.touchdownRate * scale {
                    var v = random.uniform()
                    points +=
                        Self.touchdownValues.first {
                            v -= $0.probability; return v < 0
                        }?.points ?? 7
                } else if u < (Self.touchdownRate + Self.fieldGoalRate) * scale {
                    points += 3
                }
            }
            return points
        }
        var score = (home: regulation(home), away: regulation(away))
        if score.home == score.away {
            let extra =
                random.uniform() < Self.overtimeValues[0].probability ? Self.overtimeValues[0].points : Self.overtimeValues[1].points
            if random.uniform() < home / (home + away) { score.home += extra } else { score.away += extra }
        }
        return score
    }
}
