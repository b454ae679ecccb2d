import Foundation
import Hummingbird

/// Baseball Savant's Statcast search CSV: pitch rows of finished games in a date range, a silent row cap.
/// `player_name` names the pitcher, as in Savant's default `player_type=pitcher` search, or the batter with
/// `player_type=batter` (the name the books' batter props carry).
struct SavantEndpoints: Sendable {
    let world: SandboxWorld
    let clock: SandboxClock
    let responses: JSONResponse
    let rowCap: Int

    func register(on router: Router<BasicRequestContext>) {
        router.get("/statcast_search/csv") { request, _ in try search(request) }
    }

    private func search(_ request: Request) throws -> Response {
        let query = request.uri.queryParameters
        let calendar = EasternCalendar()
        func day(_ name: String) -> Int? {
            query[Substring(name)].flatMap { calendar.day(yyyymmdd: String($0).replacingOccurrences(of: "-", with: "")) }
        }
        let namesBatters = query["player_type"] == "batter"
        let now = clock.now
        var games: [SimulatedGame] = []
        if let first = day("game_date_gt"), let last = day("game_date_lt"), first <= last, last - first < 400 {
            games = (first...last).flatMap { world.games(.mlb, onEasternDate: String(yyyymmdd: calendar, day: $0)) ?? [] }
        }
        var rows: [[String: String?]] = []
        for game in games where world.progress(of: game, at: now).phase == .final {
            let date = String(yyyymmdd: calendar, day: calendar.day(of: game.startsAt))
            let gameDate = "\(date.prefix(4))-\(date.dropFirst(4).prefix(2))-\(date.suffix(2))"
            for pitch in world.pitches(of: game).reversed() {
                var row: [String: String?] = [:]
                row["pitch_type"] = pitch.pitchType
                row["game_date"] = gameDate
                row["release_speed"] = String(pitch.releaseSpeed)
                row["player_name"] = namesBatters ? world.batter(id: pitch.batterID)?.name ?? "" : pitch.pitcherName
                row["batter"] = String(pitch.batterID)
                row["pitcher"] = String(pitch.pitcherID)
                row["events"] = .some(pitch.event)
                row["description"] = pitch.description
                row["game_type"] = "R"
                row["home_team"] = SandboxWorld.savantCode(game.home)
                row["away_team"] = SandboxWorld.savantCode(game.away)
                row["inning"] = String(pitch.inning)
                row["inning_topbot"] = pitch.isTop ? "Top" : "Bot"
                row["launch_speed"] = .some(pitch.launch.map { String($0.speed) })
                row["launch_angle"] = .some(pitch.launch.map { String($0.angle) })
                row["release_spin_rate"] = String(pitch.spinRate)
                row["game_pk"] = game.espnID
                row["game_year"] = String(gameDate.prefix(4))
                row["estimated_woba_using_speedangle"] = .some(pitch.expectedWOBA.map { String($0) })
                row["at_bat_number"] = String(pitch.atBatNumber)
                row["pitch_number"] = String(pitch.pitchNumber)
                row["pitch_name"] = SandboxWorld.pitchName(pitch.pitchType)
                rows.append(row)
                if rows.count == rowCap { break }
            }
            if rows.count == rowCap { break }
        }
        return try responses.make(.ok, data: Data(SavantWire.csv(rows).utf8), contentType: "text/csv", path: request.uri.path)
    }
}
