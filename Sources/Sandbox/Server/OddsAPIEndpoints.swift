import Foundation
import Hummingbird

/// The Odds API v4 endpoints: sports, odds, one event's odds (with player props), scores and historical odds,
/// with keys, credits and rate limits.
struct OddsAPIEndpoints<World: GameWorld>: Sendable {
    let world: World
    let clock: SandboxClock
    let account: OddsAPIAccount
    let json: JSONResponse

    private static var markets: Set<String> { ["h2h", "spreads", "totals"] }
    /// The player markets one event's odds can carry besides the game markets.
    private static var playerMarkets: Set<String> { ["batter_hits", "player_points"] }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/v4/sports") { request, _ in try sports(request) }
        router.get("/v4/sports/:sport/odds") { request, context in
            try odds(request, sport: context.parameters.get("sport"), historical: false)
        }
        router.get("/v4/sports/:sport/events/:eventId/odds") { request, context in
            try eventOdds(request, sport: context.parameters.get("sport"), eventID: context.parameters.get("eventId"))
        }
        router.get("/v4/sports/:sport/scores") { request, context in try scores(request, sport: context.parameters.get("sport")) }
        router.get("/v4/historical/sports/:sport/odds") { request, context in
            try odds(request, sport: context.parameters.get("sport"), historical: true)
        }
    }

    private func sports(_ request: Request) throws -> Response {
        let body = world.leagues.map { league in
            OddsAPIWire.Sport(
                key: league.oddsAPIKey, group: league.oddsAPIGroup, title: league.oddsAPITitle, description: league.oddsAPIDescription,
                active: true, has_outrights: false)
        }
        return try charged(request, cost: 0) { headers in try json.make(.ok, body, path: request.uri.path, headers: headers) }
    }

    /// An odds request's sport, regions, markets (`marketAllowed` says which) and price format, each checked as the
    /// real API checks them; or the error it answers.
    private func oddsRequest(
        _ request: Request, sport key: String?, marketAllowed: (String) -> Bool
    ) throws -> Result<(sport: ServedLeague, regions: [String], markets: [String], american: Bool), Refusal> {
        let query = request.uri.queryParameters
        guard let sport = league(key) else {
            return .failure(Refusal(try error(.notFound, "UNKNOWN_SPORT", "Unknown sport. Use /v4/sports for a list of valid sports", request)))
        }
        let regions = query["regions"].map { $0.split(separator: ",").map(String.init) } ?? []
        guard !regions.isEmpty else {
            return .failure(Refusal(try error(.unprocessableContent, "MISSING_REGION", "Missing regions parameter", request)))
        }
        guard regions.allSatisfy(Bookmaker.regions.contains) else {
            return .failure(Refusal(try error(.unprocessableContent, "INVALID_REGION", "Invalid regions parameter", request)))
        }
        let markets = query["markets"].map { $0.split(separator: ",").map(String.init) } ?? ["h2h"]
        guard markets.allSatisfy(marketAllowed) else {
            return .failure(Refusal(try error(.unprocessableContent, "INVALID_MARKET", "Invalid markets parameter", request)))
        }
        return .success((sport, regions, markets, query["oddsFormat"] == "american"))
    }

    /// The error response an odds request was refused with.
    struct Refusal: Error {
        let response: Response
        init(_ response: Response) { self.response = response }
    }

    private func odds(_ request: Request, sport key: String?, historical: Bool) throws -> Response {
        let query = request.uri.queryParameters
        let (sport, regions, markets, american): (ServedLeague, [String], [String], Bool)
        switch try oddsRequest(request, sport: key, marketAllowed: Self.markets.contains) {
        case .success(let parsed): (sport, regions, markets, american) = parsed
        case .failure(let refusal): return refusal.response
        }
        let now = clock.now
        var at = now
        if historical {
            guard let date = query["date"].flatMap({ WireTime.parseSeconds(String($0)) }) else {
                return try error(.unprocessableContent, "INVALID_HISTORICAL_TIMESTAMP", "Invalid date parameter", request)
            }
            // Snapshots every five minutes, the closest at or before `date`, never in the future; the newest
            // has no next one yet.
            let snapshot = (min(date, now).timeIntervalSince1970 / 300).rounded(.down) * 300
            at = Date(timeIntervalSince1970: snapshot)
        }
        let upcoming = world.games(of: sport, startingIn: at..<at.addingTimeInterval(world.marketOpensBeforeStart))
        let events: [OddsAPIWire.Event] = upcoming.compactMap { game in
            let quotes = world.quotes(game, regions: regions, at: at).filter { !$0.markets.isDisjoint(with: markets) }
            guard !quotes.isEmpty else { return nil }
            return OddsAPIWire.Event(
                id: game.oddsAPIID, sport_key: sport.oddsAPIKey, sport_title: sport.oddsAPITitle,
                commence_time: WireTime.seconds(game.startsAt), home_team: game.home.oddsAPIName, away_team: game.away.oddsAPIName,
                bookmakers: quotes.map { bookmaker($0, game: game, markets: markets, american: american) })
        }
        let cost = events.isEmpty ? 0 : markets.count * regions.count * (historical ? 10 : 1)
        return try charged(request, cost: cost) { headers in
            if historical {
                let body = OddsAPIWire.HistoricalOdds(
                    timestamp: WireTime.seconds(at), previous_timestamp: WireTime.seconds(at.addingTimeInterval(-300)),
                    next_timestamp: at.addingTimeInterval(300) <= now ? WireTime.seconds(at.addingTimeInterval(300)) : nil, data: events)
                return try json.make(.ok, body, path: request.uri.path, headers: headers)
            }
            return try json.make(.ok, events, path: request.uri.path, headers: headers)
        }
    }

    /// One event's odds: the game markets and player props asked for, from every book of `regions` quoting
    /// the event; an event that has started or finished but is still listed answers with no bookmakers.
    /// Cost: the unique markets returned times the regions, 0 when none is returned.
    private func eventOdds(_ request: Request, sport key: String?, eventID: String?) throws -> Response {
        let (sport, regions, markets, american): (ServedLeague, [String], [String], Bool)
        switch try oddsRequest(request, sport: key, marketAllowed: { Self.markets.contains($0) || Self.playerMarkets.contains($0) }) {
        case .success(let parsed): (sport, regions, markets, american) = parsed
        case .failure(let refusal): return refusal.response
        }
        let now = clock.now
        // Events stay listed from the market's open until a few hours after the start.
        let listed = world.games(
            of: sport, startingIn: now.addingTimeInterval(-6 * 3600)..<now.addingTimeInterval(world.marketOpensBeforeStart))
        guard let game = listed.first(where: { $0.oddsAPIID == eventID }) else {
            return try error(
                .notFound, "EVENT_NOT_FOUND", "Event not found. The event may have expired or the event id is invalid.", request)
        }
        let gameMarkets = markets.filter(Self.markets.contains)
        var books: [String: OddsAPIWire.Bookmaker] = [:]
        var order: [String] = []
        if !gameMarkets.isEmpty {
            for quote in world.quotes(game, regions: regions, at: now) where !quote.markets.isDisjoint(with: gameMarkets) {
                books[quote.bookmaker.key] = bookmaker(quote, game: game, markets: gameMarkets, american: american)
                order.append(quote.bookmaker.key)
            }
        }
        var propQuotes: [(key: String, quote: PropQuote)] = []
        if markets.contains("batter_hits") {
            propQuotes += world.propQuotes(game, regions: regions, at: now).map { (key: "batter_hits", quote: $0) }
        }
        if markets.contains("player_points") {
            propQuotes += world.playerPointsQuotes(game, regions: regions, at: now).map { (key: "player_points", quote: $0) }
        }
        for (key, quote) in propQuotes where !quote.lines.isEmpty {
            let market = playerMarket(key, quote, american: american)
            if let existing = books[quote.bookmaker.key] {
                books[quote.bookmaker.key] = OddsAPIWire.Bookmaker(
                    key: existing.key, title: existing.title, last_update: existing.last_update, markets: existing.markets + [market])
            } else {
                books[quote.bookmaker.key] = OddsAPIWire.Bookmaker(
                    key: quote.bookmaker.key, title: quote.bookmaker.title, last_update: WireTime.seconds(quote.lastUpdate),
                    markets: [market])
                order.append(quote.bookmaker.key)
            }
        }
        let bookmakers = order.compactMap { books[$0] }
        let returned = Set(bookmakers.flatMap { $0.markets.map(\.key) })
        let event = OddsAPIWire.Event(
            id: game.oddsAPIID, sport_key: sport.oddsAPIKey, sport_title: sport.oddsAPITitle,
            commence_time: WireTime.seconds(game.startsAt), home_team: game.home.oddsAPIName, away_team: game.away.oddsAPIName,
            bookmakers: bookmakers)
        return try charged(request, cost: returned.count * regions.count) { headers in
            try json.make(.ok, event, path: request.uri.path, headers: headers)
        }
    }

    /// A book's player market `key` (`batter_hits`, `player_points`): Over then Under for each player and line, the
    /// player in `description`.
    private func playerMarket(_ key: String, _ quote: PropQuote, american: Bool) -> OddsAPIWire.Market {
        func price(_ decimal: Double) -> OddsAPIWire.Price { american ? .american(BookQuote.american(decimal)) : .decimal(decimal) }
        let outcomes = quote.lines.flatMap { line in
            [
                OddsAPIWire.Outcome(name: "Over", description: line.player, price: price(line.over), point: line.point),
                OddsAPIWire.Outcome(name: "Under", description: line.player, price: price(line.under), point: line.point),
            ]
        }
        return OddsAPIWire.Market(key: key, last_update: WireTime.seconds(quote.lastUpdate), outcomes: outcomes)
    }

    private func bookmaker(_ quote: BookQuote, game: World.Game, markets: [String], american: Bool) -> OddsAPIWire.Bookmaker {
        func price(_ decimal: Double) -> OddsAPIWire.Price { american ? .american(BookQuote.american(decimal)) : .decimal(decimal) }
        let updated = WireTime.seconds(quote.lastUpdate)
        let home = game.home.oddsAPIName
        let away = game.away.oddsAPIName
        let wireMarkets: [OddsAPIWire.Market] = markets.filter(quote.markets.contains).map { market in
            var outcomes: [OddsAPIWire.Outcome]
            switch market {
            case "h2h":
                outcomes = [
                    .init(name: home, price: price(quote.homePrice), point: nil),
                    .init(name: away, price: price(quote.awayPrice), point: nil),
                ]
                if let draw = quote.drawPrice { outcomes.append(.init(name: "Draw", price: price(draw), point: nil)) }
            case "spreads":
                outcomes = [
                    .init(name: home, price: price(quote.spreadPrices.home), point: quote.spread),
                    .init(name: away, price: price(quote.spreadPrices.away), point: -quote.spread),
                ]
            default:
                outcomes = [
                    .init(name: "Over", price: price(quote.totalPrices.over), point: quote.total),
                    .init(name: "Under", price: price(quote.totalPrices.under), point: quote.total),
                ]
            }
            if market != "totals" { outcomes.sort { $0.name < $1.name } }
            return OddsAPIWire.Market(key: market, last_update: updated, outcomes: outcomes)
        }
        return OddsAPIWire.Bookmaker(key: quote.bookmaker.key, title: quote.bookmaker.title, last_update: updated, markets: wireMarkets)
    }

    private func scores(_ request: Request, sport key: String?) throws -> Response {
        guard let sport = league(key) else {
            return try error(.notFound, "UNKNOWN_SPORT", "Unknown sport. Use /v4/sports for a list of valid sports", request)
        }
        let daysFrom = request.uri.queryParameters["daysFrom"].flatMap { Int($0) }
        if let daysFrom, !(1...3).contains(daysFrom) {
            return try error(.unprocessableContent, "INVALID_SCORES_DAYS_FROM", "daysFrom must be between 1 and 3", request)
        }
        let now = clock.now
        // Live and upcoming games (two days ahead), plus games completed in the last `daysFrom` days.
        let from = now.addingTimeInterval(-Double(daysFrom ?? 0) * 86_400 - 4 * 3600)
        let events: [OddsAPIWire.ScoreEvent] = world.games(of: sport, startingIn: from..<now.addingTimeInterval(2 * 86_400)).compactMap {
            game in
            let progress = world.progress(of: game, at: now)
            if progress.phase == .final && daysFrom == nil { return nil }
            let started = progress.phase != .scheduled
            return OddsAPIWire.ScoreEvent(
                id: game.oddsAPIID, sport_key: sport.oddsAPIKey, sport_title: sport.oddsAPITitle,
                commence_time: WireTime.seconds(game.startsAt), completed: progress.phase == .final,
                home_team: game.home.oddsAPIName, away_team: game.away.oddsAPIName,
                scores: started
                    ? [
                        .init(name: game.home.oddsAPIName, score: String(progress.homeScore)),
                        .init(name: game.away.oddsAPIName, score: String(progress.awayScore)),
                    ]
                    : nil,
                last_update: started ? WireTime.seconds(min(now, game.endsAt)) : nil)
        }
        return try charged(request, cost: daysFrom == nil ? 1 : 2) { headers in
            try json.make(.ok, events, path: request.uri.path, headers: headers)
        }
    }

    /// The served league with Odds API key `key`.
    private func league(_ key: String?) -> ServedLeague? {
        key.flatMap { key in world.leagues.first { $0.oddsAPIKey == key } }
    }

    /// Runs `respond` if the account admits the request, with the quota headers; the documented error otherwise.
    private func charged(_ request: Request, cost: Int, _ respond: (HTTPFields) throws -> Response) throws -> Response {
        switch account.charge(key: request.uri.queryParameters["apiKey"].map(String.init), cost: cost) {
        case .success(let usage):
            return try respond(Self.quotaHeaders(remaining: usage.remaining, used: usage.used, last: usage.last))
        case .failure(.missingKey):
            return try error(.unauthorized, "MISSING_KEY", "API key is missing. Get an API key at https://the-odds-api.com", request)
        case .failure(.invalidKey):
            return try error(.unauthorized, "INVALID_KEY", "API key is not valid. Get an API key at https://the-odds-api.com", request)
        case .failure(.tooFrequent):
            return try error(.tooManyRequests, "EXCEEDED_FREQ_LIMIT", "Requests are being sent too frequently.", request)
        case .failure(.outOfCredits):
            let balance = account.balance
            return try json.make(
                .unauthorized,
                OddsAPIWire.ErrorBody("OUT_OF_USAGE_CREDITS", "Usage quota has been reached. See usage plans at https://the-odds-api.com"),
                path: request.uri.path, headers: Self.quotaHeaders(remaining: balance.remaining, used: balance.used, last: 0))
        }
    }

    private func error(_ status: HTTPResponse.Status, _ code: String, _ message: String, _ request: Request) throws -> Response {
        try json.make(status, OddsAPIWire.ErrorBody(code, message), path: request.uri.path)
    }

    private static func quotaHeaders(remaining: Int, used: Int, last: Int) -> HTTPFields {
        var fields = HTTPFields()
        fields[.init("x-requests-remaining")!] = String(remaining)
        fields[.init("x-requests-used")!] = String(used)
        fields[.init("x-requests-last")!] = String(last)
        return fields
    }
}
