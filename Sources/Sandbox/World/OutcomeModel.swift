import Foundation

/// How a sport turns a game's parameters into scores and into the probabilities of each bet.
///
/// Basketball: margin ~ N(m, 12.5) and total ~ N(t, 18.5), independent, on the continuous scale.
/// Baseball: runs ~ Poisson(λ) per team; a tie goes to extra innings, won by one run with probability
/// λ_home / (λ_home + λ_away). Probabilities are exact for the baseball process. Hockey: the same process in goals
/// (overtime or the shootout adds the winner's goal), with the ±1.5 puck line. Soccer: goals ~ Poisson per side,
/// a level score is a draw, and lines are Asian (`SoccerGoals`). Football: touchdowns and field goals over twelve
/// possessions a side, overtime on a tie, half-point spreads and totals (`FootballScores`).
struct OutcomeModel: Sendable {
    let sport: SandboxSport

    private static let marginSD = 12.5
    private static let totalSD = 18.5
    private static let maximumRuns = 30

    /// P(home team wins).
    func homeWin(_ p: GameParameters) -> Double {
        switch sport {
        case .nba: return Probability.normalCDF(p.first / Self.marginSD)
        case .mlb, .nhl: return runGrid(p).reduce(0) { $0 + ($1.margin > 0 ? $1.probability : 0) }
        case .epl: return goals(p).homeWinAndDraw().homeWin
        case .nfl: return football(p).homeWin
        }
    }

    /// P(draw): 0 where extra time or extra innings settle every game.
    func draw(_ p: GameParameters) -> Double {
        sport == .epl ? goals(p).homeWinAndDraw().draw : 0
    }

    /// P(home score + `line` > away score).
    func homeCovers(_ p: GameParameters, line: Double) -> Double {
        switch sport {
        case .nba: return 1 - Probability.normalCDF((-line - p.first) / Self.marginSD)
        case .mlb, .nhl: return runGrid(p).reduce(0) { $0 + (Double($1.margin) + line > 0 ? $1.probability : 0) }
        case .epl: return goals(p).homeCovers(line: line)
        case .nfl: return football(p).homeCovers(line: line)
        }
    }

    /// P(total > `line`).
    func over(_ p: GameParameters, line: Double) -> Double {
        switch sport {
        case .nba: return 1 - Probability.normalCDF((line - p.second) / Self.totalSD)
        case .mlb, .nhl: return runGrid(p).reduce(0) { $0 + (Double($1.total) > line ? $1.probability : 0) }
        case .epl: return goals(p).over(line: line)
        case .nfl: return football(p).over(line: line)
        }
    }

    /// P(`event`): one entry for every market's probability.
    func probability(of event: SimulatedEvent, _ p: GameParameters) -> Double {
        switch event {
        case .homeWin: homeWin(p)
        case .draw: draw(p)
        case .homeCovers(let line): homeCovers(p, line: line)
        case .over(let line): over(p, line: line)
        }
    }

    /// The home team's spread a book hangs for these parameters (a half-point line, so no pushes).
    func spreadLine(_ p: GameParameters) -> Double {
        switch sport {
        case .nba: return Self.nearestHalf(-p.first)
        case .mlb, .nhl: return p.first >= p.second ? -1.5 : 1.5
        case .epl: return goals(p).handicapLine()
        case .nfl: return football(p).spreadLine()
        }
    }

    /// The total a book hangs: the half-point line closest to an even over/under.
    func totalLine(_ p: GameParameters) -> Double {
        switch sport {
        case .nba: return Self.nearestHalf(p.second)
        case .mlb, .nhl:
            // One grid for every candidate line.
            let grid = runGrid(p)
            func over(_ line: Double) -> Double { grid.reduce(0) { $0 + (Double($1.total) > line ? $1.probability : 0) } }
            return stride(from: 4.5, through: 15.5, by: 1.0).map { ($0, abs(over($0) - 0.5)) }.min { $0.1 < $1.1 }!.0
        case .epl: return goals(p).totalLine()
        case .nfl: return football(p).totalLine()
        }
    }

    /// The expected home and away scores.
    func expectedScores(_ p: GameParameters) -> (home: Double, away: Double) {
        switch sport {
        case .nba: return ((p.second + p.first) / 2, (p.second - p.first) / 2)
        case .mlb, .epl, .nhl, .nfl: return (p.first, p.second)
        }
    }

    /// A book's noisy view of the parameters: `z` are standard normals, `scale` shrinks toward the close.
    func perturbed(_ p: GameParameters, z: (Double, Double), scale: Double) -> GameParameters {
        switch sport {
        case .nba: return GameParameters(first: p.first + 2.2 * scale * z.0, second: p.second + 3.5 * scale * z.1)
        case .mlb, .epl, .nhl, .nfl:
            return GameParameters(first: p.first * exp(0.09 * scale * z.0), second: p.second * exp(0.09 * scale * z.1))
        }
    }

    /// Draws the final score.
    func finalScore(_ p: GameParameters, random: inout SeededStream) -> (home: Int, away: Int) {
        switch sport {
        case .nba:
            let margin = p.first + Self.marginSD * random.normal()
            let total = max(120, p.second + Self.totalSD * random.normal())
            var home = Int(((total + margin) / 2).rounded())
            var away = Int(((total - margin) / 2).rounded())
            if home == away {
                let overtime = 8 + Int(random.uniform() * 6)
                home += overtime
                away += overtime
                if random.uniform() < 0.5 { home += 3 } else { away += 3 }
            }
            return (home, away)
        case .mlb, .nhl:
            var home = random.poisson(p.first)
            var away = random.poisson(p.second)
            if home == away {
                if random.uniform() < p.first / (p.first + p.second) { home += 1 } else { away += 1 }
            }
            return (home, away)
        case .epl:
            return goals(p).finalScore(random: &random)
        case .nfl:
            return football(p).finalScore(random: &random)
        }
    }

    /// The goals of a soccer game with these parameters (home and away means).
    private func goals(_ p: GameParameters) -> SoccerGoals {
        SoccerGoals(home: p.first, away: p.second)
    }

    /// The scoring of a football game with these parameters (home and away expected points).
    private func football(_ p: GameParameters) -> FootballScores {
        FootballScores.of(home: p.first, away: p.second)
    }

    /// Every final score's margin, total and probability under the baseball process.
    private func runGrid(_ p: GameParameters) -> [(margin: Int, total: Int, probability: Double)] {
        let home = Probability.poissonPMF(p.first, count: Self.maximumRuns)
        let away = Probability.poissonPMF(p.second, count: Self.maximumRuns)
        let homeWinsExtras = p.first / (p.first + p.second)
        var grid: [(margin: Int, total: Int, probability: Double)] = []
        grid.reserveCapacity(Self.maximumRuns * Self.maximumRuns + Self.maximumRuns)
        for h in 0..<Self.maximumRuns {
            for a in 0..<Self.maximumRuns {
                let probability = home[h] * away[a]
                if h == a {
                    grid.append((1, h + a + 1, probability * homeWinsExtras))
                    grid.append((-1, h + a + 1, probability * (1 - homeWinsExtras)))
                } else {
                    grid.append((h - a, h + a, probability))
                }
            }
        }
        return grid
    }

    private static func nearestHalf(_ value: Double) -> Double {
        (value - 0.5).rounded() + 0.5
    }
}
