import Foundation
import Hummingbird

/// ESPN's site scoreboard (the games of an Eastern calendar day with status and scores, as strings), one
/// game's summary (`ESPNEndpoints+Summary.swift`) and the league's injury list (simulated worlds only).
struct ESPNEndpoints<World: GameWorld>: Sendable {
    let world: World
    /// The world whose injuries and probable starters are listed; `nil` (a replayed world) answers 404 for
    /// injuries, and summaries and scoreboards list none.
    let injured: SandboxWorld?
    let clock: SandboxClock
    let json: JSONResponse

    func register(on router: Router<BasicRequestContext>) {
        router.get("/apis/site/v2/sports/:sport/:league/scoreboard") { request, context in
            try scoreboard(request, path: "\(context.parameters.get("sport") ?? "")/\(context.parameters.get("league") ?? "")")
        }
        router.get("/apis/site/v2/sports/:sport/:league/summary") { request, context in
            try summary(request, path: "\(context.parameters.get("sport") ?? "")/\(context.parameters.get("league") ?? "")")
        }
        router.get("/apis/site/v2/sports/:sport/:league/injuries") { request, context in
            try injuries(request, path: "\(context.parameters.get("sport") ?? "")/\(context.parameters.get("league") ?? "")")
        }
    }

    private func injuries(_ request: Request, path: String) throws -> Response {
        guard let world = injured else {
            return try json.make(
                .notFound, ESPNWire.ErrorBody(code: 404, message: "The replayed world has no injury reports."), path: request.uri.path)
        }
        guard let sport = SandboxSport(espnPath: path), world.sports.contains(sport) else {
            return try json.make(
                .notFound, ESPNWire.ErrorBody(code: 404, message: "Failed to get injuries endpoint."), path: request.uri.path)
        }
        let now = clock.now
        let year = EasternCalendar().year(of: EasternCalendar().day(of: now))
        let teams = world.injuries(sport, at: now).map { team, injuries in
            ESPNWire.TeamInjuries(
                id: team.espnID, displayName: team.espnName,
                injuries: injuries.map { injury in
                    let dayToDay = injury.status == "Day-To-Day"
                    return ESPNWire.Injury(
                        id: injury.id,
                        longComment: "\(injury.athleteName) (\(injury.injuryType.lowercased())) is \(injury.status.lowercased()).",
                        shortComment: "\(injury.injuryType) injury.", status: injury.status, date: WireTime.minutes(injury.reportedAt),
                        athlete: ESPNWire.InjuredAthlete(
                            displayName: injury.athleteName, position: .init(abbreviation: injury.position),
                            team: .init(abbreviation: team.abbreviation)),
                        type: ESPNWire.InjuryStatusType(
                            id: dayToDay ? "6" : "4", name: dayToDay ? "INJURY_STATUS_DAYTODAY" : "INJURY_STATUS_OUT",
                            description: dayToDay ? "day-to-day" : "out", abbreviation: dayToDay ? "DD" : "O"),
                        details: ESPNWire.InjuryDetails(
                            type: injury.injuryType, detail: "Not Specified", side: "Not Specified",
                            returnDate: String(WireTime.seconds(injury.returnsAt).prefix(10))))
                })
        }
        let body = ESPNWire.InjuryList(
            timestamp: WireTime.seconds(now), status: "success",
            season: ESPNWire.InjurySeason(year: year, type: 2, name: "Regular Season", displayName: String(year)), injuries: teams)
        return try json.make(.ok, body, path: request.uri.path)
    }

    private func scoreboard(_ request: Request, path: String) throws -> Response {
        guard let sport = world.leagues.first(where: { $0.espnPath == path }) else {
            return try json.make(
                .notFound, ESPNWire.ErrorBody(code: 404, message: "Failed to get events endpoint."), path: request.uri.path)
        }
        let now = clock.now
        let calendar = EasternCalendar()
        let dates = request.uri.queryParameters["dates"].map(String.init) ?? String(yyyymmdd: calendar, day: calendar.day(of: now))
        // Since 2026-09 ESPN answers 400 to date ranges for team sports.
        guard let games = world.games(of: sport, onEasternDate: dates) else {
            return try json.make(
                .badRequest, ESPNWire.ErrorBody(code: 400, message: "Failed to get events endpoint."), path: request.uri.path)
        }
        let league = ESPNWire.League(
            id: sport.espnID, uid: sport.espnUID, name: sport.espnName, abbreviation: sport.espnAbbreviation,
            slug: String(sport.espnPath.split(separator: "/").last!), season: season(calendar, dates, league: sport))
        let body = ESPNWire.Scoreboard(leagues: [league], events: games.map { event($0, at: now) })
        return try json.make(.ok, body, path: request.uri.path)
    }

    private func season(_ calendar: EasternCalendar, _ dates: String, league: ServedLeague) -> ESPNWire.Season {
        ESPNWire.Season(year: calendar.day(yyyymmdd: dates).map { Self.seasonYear(league, day: $0) } ?? 0, type: 2, slug: "regular-season")
    }

    /// ESPN's season year for a game on `day`: the calendar year, except that an NFL season keeps the year it
    /// started in through its January weeks (so a January game is not a new season's first game).
    private static func seasonYear(_ league: ServedLeague, day: Int) -> Int {
        let calendar = EasternCalendar()
        return league == .nfl ? FootballSeason.year(of: day, calendar: calendar) : calendar.year(of: day)
    }

    private func event(_ game: World.Game, at now: Date) -> ESPNWire.Event {
        let progress = world.progress(of: game, at: now)
        let status = Self.status(progress, game: game)
        let date = WireTime.minutes(game.startsAt)
        let leagueUID = game.league.espnUID
        let simulated = game as? SimulatedGame
        let probables = simulated.flatMap { injured?.probables($0, at: now) }
        func competitor(_ team: SandboxTeam, home: Bool) -> ESPNWire.Competitor {
            let score = home ? progress.homeScore : progress.awayScore
            let other = home ? progress.awayScore : progress.homeScore
            return ESPNWire.Competitor(
                id: team.espnID, uid: "\(leagueUID)~t:\(team.espnID)", type: "team", order: home ? 0 : 1, homeAway: home ? "home" : "away",
                winner: progress.phase == .final ? score > other : nil,
                team: ESPNWire.Team(
                    id: team.espnID, uid: "\(leagueUID)~t:\(team.espnID)", location: team.location, name: team.nickname,
                    abbreviation: team.abbreviation, displayName: team.espnName, shortDisplayName: team.nickname, isActive: true),
                score: String(score), records: [],
                probables: (home ? probables?.home : probables?.away).map { [probable($0, game: simulated!, team: team)] })
        }
        let venue = game.home.venue
        let competition = ESPNWire.Competition(
            id: game.espnID, uid: "\(leagueUID)~e:\(game.espnID)~c:\(game.espnID)", date: date, attendance: 0, timeValid: true,
            neutralSite: false,
            venue: ESPNWire.Venue(
                id: game.home.espnID, fullName: venue.name, address: ESPNWire.Address(city: venue.city, state: venue.state),
                indoor: venue.isIndoor),
            competitors: [competitor(game.home, home: true), competitor(game.away, home: false)], status: status, startDate: date)
        return ESPNWire.Event(
            id: game.espnID, uid: "\(leagueUID)~e:\(game.espnID)", date: date, name: "\(game.away.espnName) at \(game.home.espnName)",
            shortName: "\(game.away.abbreviation) @ \(game.home.abbreviation)",
            season: ESPNWire.Season(
                year: Self.seasonYear(game.league, day: EasternCalendar().day(of: game.startsAt)), type: 2, slug: "regular-season"),
            competitions: [competition], status: status)
    }

    /// A starter as ESPN lists him under his team, with his season before the game's day.
    private func probable(_ pitcher: StartingPitcher, game: SimulatedGame, team: SandboxTeam) -> ESPNWire.Probable {
        let record = injured?.record(of: pitcher, before: game.day).summary ?? "(0-0, 0.00)"
        return ESPNWire.Probable(
            name: "probableStartingPitcher", displayName: "Probable Starting Pitcher", shortDisplayName: "Starter", abbreviation: "SP",
            playerId: Int(pitcher.id) ?? 0,
            athlete: ESPNWire.ProbableAthlete(
                id: pitcher.id, fullName: pitcher.fullName, displayName: pitcher.fullName, shortName: pitcher.shortName,
                jersey: pitcher.jersey, position: "SP", team: ESPNWire.TeamReference(id: team.espnID)),
            record: record)
    }

    static func status(_ progress: GameProgress, game: World.Game) -> ESPNWire.Status {
        let type: ESPNWire.StatusType
        switch progress.phase {
        case .scheduled:
            type = ESPNWire.StatusType(
                id: "1", name: "STATUS_SCHEDULED", state: "pre", completed: false, description: "Scheduled",
                detail: WireTime.minutes(game.startsAt), shortDetail: WireTime.minutes(game.startsAt))
        case .live:
            type = ESPNWire.StatusType(
                id: "2", name: "STATUS_IN_PROGRESS", state: "in", completed: false, description: "In Progress",
                detail: "Period \(progress.period)", shortDetail: "P\(progress.period)")
        case .final:
            type = ESPNWire.StatusType(
                id: "3", name: "STATUS_FINAL", state: "post", completed: true, description: "Final", detail: "Final", shortDetail: "Final")
        }
        return ESPNWire.Status(clock: 0, displayClock: "0:00", period: progress.period, type: type)
    }
}

extension String {
    /// `YYYYMMDD` for an Eastern day.
    init(yyyymmdd calendar: EasternCalendar, day: Int) {
        let date = calendar.date(day: day, minutes: 12 * 60)
        var eastern = Calendar(identifier: .gregorian)
        eastern.timeZone = TimeZone(identifier: "America/New_York")!
        let c = eastern.dateComponents([.year, .month, .day], from: date)
        self = String(format: "%04d%02d%02d", c.year!, c.month!, c.day!)
    }
}
