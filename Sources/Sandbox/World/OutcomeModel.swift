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

    /// What a book's quote prices: the home win and draw, the spread and total it hangs and their home and over sides.
    struct Lines: Sendable {
        var homeWin: Double
        var draw: Double
        var spread: Double
        var homeCovers: Double
        var total: Double
        var over: Double
    }

    /// The lines a book hangs for these parameters, with their fair probabilities: the scores' distribution is built
    /// once for all six, where asking `homeWin`, `spreadLine` and the rest one by one builds it for each.
    func lines(_ p: GameParameters) -> Lines {
        switch sport {
        case .nba:
            let (spread, total) = (spreadLine(p), totalLine(p))
            return Lines(homeWin: homeWin(p), draw: 0, spread: spread, homeCovers: homeCovers(p, line: spread), total: total, over: over(p, line: total))
        case .mlb, .nhl:
            let runs = runs(p)
            let (spread, total) = (spreadLine(p), runs.totalLine())
            return Lines(
                homeWin: runs.homeWin, draw: 0, spread: spread, homeCovers: runs.homeCovers(line: spread), total: total, over: runs.over(line: total))
        case .epl:
            let goals = goals(p)
            let (homeWin, draw) = goals.homeWinAndDraw()
            let (spread, total) = (goals.handicapLine(), goals.totalLine())
            return Lines(homeWin: homeWin, draw: draw, spread: spread, homeCovers: goals.homeCovers(line: spread), total: total, over: goals.over(line: total))
        case .nfl:
            let scores = football(p)
            let (spread, total) = (scores.spreadLine(), scores.totalLine())
            return Lines(
                homeWin: scores.homeWin, draw: 0, spread: spread, homeCovers: scores.homeCovers(line: spread), total: total, over: scores.over(line: total))
        }
    }

    /// P(home team wins).
    func homeWin(_ p: GameParameters) -> Double {
        switch sport {
        case .nba: return Probability.normalCDF(p.first / Self.marginSD)
        case .mlb, .nhl: return runs(p).homeWin
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
        case .mlb, .nhl: return runs(p).homeCovers(line: line)
        case .epl: return goals(p).homeCovers(line: line)
        case .nfl: return football(p).homeCovers(line: line)
        }
    }

    /// P(total > `line`).
    func over(_ p: GameParameters, line: Double) -> Double {
        switch sport {
        case .nba: return 1 - Probability.normalCDF((line - p.second) / Self.totalSD)
        case .mlb, .nhl: return runs(p).over(line: line)
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
        case .mlb, .nhl: return runs(p).totalLine()
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

    /// The runs (goals) of a baseball or hockey game with these parameters (home and away means).
    private func runs(_ p: GameParameters) -> RunScores {
        RunScores(home: p.first, away: p.second)
    }

    private static func nearestHalf(_ value: Double) -> Double {
        (value - 0.5).rounded() + 0.5
    }
}
