import Foundation
import Hummingbird

/// `/sandbox/v1/truth/{sport}?date=YYYYMMDD`: each game's true probabilities (moneyline and, in soccer, the draw;
/// the fair spread and total with their cover/over probabilities), what sets them that features could see (rest
/// days, travel, a division game, what the players injured at the start cost each team, baseball's starting
/// pitchers) and, once over, its result.
struct TruthEndpoints: Sendable {
    let world: SandboxWorld
    let clock: SandboxClock
    let json: JSONResponse

    func register(on router: Router<BasicRequestContext>) {
        router.get("/sandbox/v1/truth/:sport") { request, context in
            guard let sport = context.parameters.get("sport").flatMap(SandboxSport.init(rawValue:)),
                let date = request.uri.queryParameters["date"], let games = world.games(sport, onEasternDate: String(date))
            else {
                let sports = SandboxSport.allCases.map(\.rawValue).joined(separator: "|")
                throw HTTPError(.badRequest, message: "use /sandbox/v1/truth/{\(sports)}?date=YYYYMMDD")
            }
            let now = clock.now
            let body = games.map { game in
                let progress = world.progress(of: game, at: now)
                let expected = world.expectedScores(game)
                let lines = world.fairLines(game)
                return TruthWire.Game(
                    odds_api_id: game.oddsAPIID, espn_id: game.espnID, sport: sport.rawValue,
                    commence_time: WireTime.seconds(game.startsAt), home_team: game.home.oddsAPIName, away_team: game.away.oddsAPIName,
                    home_win_probability: world.homeWinProbability(game), draw_probability: world.drawProbability(game),
                    expected_home_score: expected.home,
                    expected_away_score: expected.away, spread_line: lines.spread, home_cover_probability: lines.homeCovers,
                    total_line: lines.total, over_probability: lines.over, home_rest_days: game.rest.home, away_rest_days: game.rest.away,
                    home_travel_km: game.travel.home, away_travel_km: game.travel.away,
                    divisional: game.isDivisional, home_injury_loss: game.injuryLoss.home, away_injury_loss: game.injuryLoss.away,
                    home_starter_id: game.starters?.home.id, away_starter_id: game.starters?.away.id,
                    home_starter_runs_allowed: game.starters?.home.runsAllowed, away_starter_runs_allowed: game.starters?.away.runsAllowed,
                    status: progress.phase.rawValue, home_score: progress.phase == .final ? progress.homeScore : nil,
                    away_score: progress.phase == .final ? progress.awayScore : nil)
            }
            return try json.make(.ok, body, path: request.uri.path)
        }
    }
}
