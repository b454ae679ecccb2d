import Foundation
import Hummingbird

extension ESPNEndpoints {
    /// `summary?event={id}`: the game's header (status, scores as strings), its game info (venue, and once
    /// final the attendance, duration and officials), the first US book's lines as `pickcenter` (American
    /// prices, as of the start once started), the two teams' injuries in a simulated world and, once final there,
    /// its box score.
    func summary(_ request: Request, path: String) throws -> Response {
        guard let league = world.leagues.first(where: { $0.espnPath == path }) else {
            return try json.make(
                .notFound, ESPNWire.ErrorBody(code: 404, message: "Failed to get summary endpoint."), path: request.uri.path)
        }
        guard let eventID = request.uri.queryParameters["event"].map(String.init), !eventID.isEmpty else {
            return try json.make(
                .badRequest, ESPNWire.ErrorBody(code: 400, message: "Missing required parameter: event."), path: request.uri.path)
        }
        let now = clock.now
        // A simulated world finds any of its games by id, as ESPN does; a replayed one looks 30 days either side.
        let window = now.addingTimeInterval(-30 * 86_400)..<now.addingTimeInterval(30 * 86_400)
        let found = injured.flatMap { world in SandboxSport(espnPath: path).flatMap { world.game($0, espnID: eventID) } }
        guard let game = found as? World.Game ?? world.games(of: league, startingIn: window).first(where: { $0.espnID == eventID }) else {
            return try json.make(
                .notFound, ESPNWire.ErrorBody(code: 404, message: "Failed to get summary endpoint."), path: request.uri.path)
        }
        let progress = world.progress(of: game, at: now)
        let leagueUID = game.league.espnUID
        func competitor(_ team: SandboxTeam, home: Bool) -> ESPNWire.SummaryCompetitor {
            let score = home ? progress.homeScore : progress.awayScore
            let other = home ? progress.awayScore : progress.homeScore
            return ESPNWire.SummaryCompetitor(
                id: team.espnID, homeAway: home ? "home" : "away", winner: progress.phase == .final ? score > other : nil,
                score: String(score), order: home ? 0 : 1,
                team: ESPNWire.SummaryTeam(id: team.espnID, abbreviation: team.abbreviation, displayName: team.espnName))
        }
        let venue = game.home.venue
        let isFinal = progress.phase == .final
        let number = Int(game.espnID) ?? 0
        let header = ESPNWire.SummaryHeader(
            id: game.espnID, uid: "\(leagueUID)~e:\(game.espnID)",
            competitions: [
                ESPNWire.SummaryCompetition(
                    id: game.espnID, date: WireTime.minutes(game.startsAt), neutralSite: false,
                    competitors: [competitor(game.home, home: true), competitor(game.away, home: false)],
                    status: ESPNWire.SummaryStatus(type: Self.status(progress, game: game).type))
            ])
        let minutes = Int(game.endsAt.timeIntervalSince(game.startsAt) / 60)
        let gameInfo = ESPNWire.GameInfo(
            venue: ESPNWire.SummaryVenue(
                id: game.home.espnID, fullName: venue.name, shortName: venue.name,
                address: ESPNWire.Address(city: venue.city, state: venue.state)),
            attendance: isFinal ? 12_000 + number % 28_000 : nil,
            gameDuration: isFinal ? "\(minutes / 60):\(String(format: "%02d", minutes % 60))" : nil,
            officials: isFinal ? Self.officials(path: path, number: number) : nil)
        // Books stop moving at the start; a started game shows the last lines before it.
        let quotedAt = min(now, game.startsAt.addingTimeInterval(-60))
        let pickcenter = world.quotes(game, regions: ["us"], at: quotedAt).prefix(1).map { quote in
            let homeFavored = quote.homePrice <= quote.awayPrice
            return ESPNWire.Pick(
                provider: ESPNWire.PickProvider(id: "100", name: quote.bookmaker.title, priority: 1),
                details: "\(homeFavored ? game.home.abbreviation : game.away.abbreviation) "
                    + "\(BookQuote.american(homeFavored ? quote.homePrice : quote.awayPrice))",
                overUnder: quote.total, spread: quote.spread, overOdds: Double(BookQuote.american(quote.totalPrices.over)),
                underOdds: Double(BookQuote.american(quote.totalPrices.under)),
                awayTeamOdds: ESPNWire.PickTeamOdds(
                    favorite: !homeFavored, underdog: homeFavored, moneyLine: BookQuote.american(quote.awayPrice),
                    spreadOdds: Double(BookQuote.american(quote.spreadPrices.away)), teamId: game.away.espnID),
                homeTeamOdds: ESPNWire.PickTeamOdds(
                    favorite: homeFavored, underdog: !homeFavored, moneyLine: BookQuote.american(quote.homePrice),
                    spreadOdds: Double(BookQuote.american(quote.spreadPrices.home)), teamId: game.home.espnID))
        }
        var injuries: [ESPNWire.SummaryTeamInjuries] = []
        if let injured, let sport = SandboxSport(espnPath: path) {
            for (team, reports) in injured.injuries(sport, at: now) where [game.home.espnID, game.away.espnID].contains(team.espnID) {
                injuries.append(
                    ESPNWire.SummaryTeamInjuries(
                        team: ESPNWire.SummaryTeam(id: team.espnID, abbreviation: team.abbreviation, displayName: team.espnName),
                        injuries: reports.map {
                            ESPNWire.SummaryInjury(
                                status: $0.status, date: WireTime.minutes($0.reportedAt),
                                athlete: ESPNWire.SummaryAthlete(displayName: $0.athleteName))
                        }))
            }
        }
        let players: (away: [SimulatedBasketballPlayer.GameLine], home: [SimulatedBasketballPlayer.GameLine]) =
            isFinal ? world.basketballLines(of: game) : ([], [])
        var boxscore = players.away.isEmpty && players.home.isEmpty ? nil : Self.basketballBoxscore(players, game: game)
        if isFinal, let simulated = game as? SimulatedGame, let injured, let starters = simulated.starters {
            boxscore = Self.pitchingBoxscore(starters, game: simulated, world: injured)
        }
        if isFinal, let simulated = game as? SimulatedGame, let statistics = injured?.teamStatistics(of: simulated) {
            boxscore = Self.teamBoxscore(statistics, game: simulated)
        }
        let body = ESPNWire.Summary(
            header: header, gameInfo: gameInfo, pickcenter: Array(pickcenter), injuries: injuries, boxscore: boxscore)
        return try json.make(.ok, body, path: request.uri.path)
    }

    /// A final NBA game's box score, away team first as ESPN lists it: minutes and points per player, the points of
    /// each team adding up to its score.
    private static func basketballBoxscore(
        _ lines: (away: [SimulatedBasketballPlayer.GameLine], home: [SimulatedBasketballPlayer.GameLine]), game: World.Game
    ) -> ESPNWire.Boxscore {
        let names = ["MIN", "PTS"]
        func team(_ team: SandboxTeam, _ lines: [SimulatedBasketballPlayer.GameLine]) -> ESPNWire.BoxscoreTeamPlayers {
            ESPNWire.BoxscoreTeamPlayers(
                team: ESPNWire.SummaryTeam(id: team.espnID, abbreviation: team.abbreviation, displayName: team.espnName),
                statistics: [
                    ESPNWire.BoxscoreStatistics(
                        names: names, keys: ["minutes", "points"], labels: names,
                        athletes: lines.map { line in
                            ESPNWire.BoxscoreAthleteLine(
                                active: false,
                                athlete: ESPNWire.BoxscoreAthlete(
                                    id: String(line.player.id), uid: "s:40~l:46~a:\(line.player.id)", displayName: line.player.name,
                                    shortName: line.player.name),
                                starter: line.player.slot < 5, didNotPlay: !line.played, reason: line.played ? nil : "COACH'S DECISION",
                                ejected: false, stats: line.played ? [String(line.minutes), String(line.points)] : [])
                        })
                ])
        }
        return ESPNWire.Boxscore(players: [team(game.away, lines.away), team(game.home, lines.home)])
    }

    /// A final MLB game's pitching box score, away team first: each team's starter only (the simulation has no
    /// relievers), in ESPN's columns, his season ERA through the game.
    private static func pitchingBoxscore(
        _ starters: (home: StartingPitcher, away: StartingPitcher), game: SimulatedGame, world: SandboxWorld
    ) -> ESPNWire.Boxscore {
        let names = ["IP", "H", "R", "ER", "BB", "K", "HR", "PC-ST", "ERA", "PC"]
        let keys = [
            "fullInnings.partInnings", "hits", "runs", "earnedRuns", "walks", "strikeouts", "homeRuns", "pitches-strikes", "ERA", "pitches",
        ]
        func team(_ team: SandboxTeam, _ pitcher: StartingPitcher) -> ESPNWire.BoxscoreTeamPlayers {
            let line = world.startLine(of: pitcher, in: game)
            let era = world.record(of: pitcher, before: game.day + 1).era
            let stats = [
                line.innings, String(line.hits), String(line.earnedRuns), String(line.earnedRuns), String(line.walks), String(line.strikeouts),
                String(line.homeRuns), "\(line.pitches)-\(line.strikes)", String(format: "%.2f", era), String(line.pitches),
            ]
            return ESPNWire.BoxscoreTeamPlayers(
                team: ESPNWire.SummaryTeam(id: team.espnID, abbreviation: team.abbreviation, displayName: team.espnName),
                statistics: [
                    ESPNWire.BoxscoreStatistics(
                        type: "pitching", names: names, keys: keys, labels: names,
                        athletes: [
                            ESPNWire.BoxscoreAthleteLine(
                                active: false,
                                athlete: ESPNWire.BoxscoreAthlete(
                                    id: pitcher.id, uid: "s:1~l:10~a:\(pitcher.id)", displayName: pitcher.fullName, shortName: pitcher.shortName),
                                starter: true, didNotPlay: false, reason: nil, ejected: false, stats: stats)
                        ])
                ])
        }
        return ESPNWire.Boxscore(players: [team(game.away, starters.away), team(game.home, starters.home)])
    }

    /// A fixed crew per game, drawn from a short roster by the event number.
    private static func officials(path: String, number: Int) -> [ESPNWire.Official] {
        let names = ["Jeremie Rehak", "Pat Hoberg", "Lance Barksdale", "Tony Brothers", "Scott Foster", "Marc Davis", "Ed Malloy"]
        let roles =
            path.hasPrefix("baseball")
            ? ["Home Plate Umpire", "First Base Umpire", "Second Base Umpire", "Third Base Umpire"]
            : ["Crew Chief", "Referee", "Umpire"]
        return roles.enumerated().map { index, role in
            ESPNWire.Official(
                displayName: names[(number + index) % names.count], position: ESPNWire.OfficialPosition(name: role, displayName: role),
                order: index + 1)
        }
    }
}
