import Essentials
import Foundation
import Hummingbird
import Postgres
import Store

/// `GET /games`, `GET /games/{id}` and `GET /odds`: the games the collectors stored and their odds history,
/// for any signed-in user, through the seed's caches (game info an hour, odds 30 seconds). A game's own entries go
/// stale at once when a collection writes that game or its odds, lists when it writes any game of their sport. A miss
/// reads the replica once it holds every write the cache's generations cover.
struct GameRoutes: Sendable {
    let reads: PostgresReadRouter
    /// Game lists and single games (without odds).
    let games: ReadCache
    /// Latest prices and odds histories.
    let odds: ReadCache
    let now: @Sendable () -> Date
    /// Where the games and prices come from (`meta.market`).
    let market: MarketSource

    func register(on group: RouteRegistrar) {
        group.get("games", use: list)
        group.get("games/{id}", use: show)
        group.get("odds", use: history)
    }

    /// Games in start order (or as `sort` and `order` say), filtered by `sport`, `status` and the game day (`date` or `date_from`/`date_to`);
    /// with `with_odds=true`, each with its books' latest prices as `GET /games/{id}` shows them (a day's board in one
    /// call), through the odds cache.
    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let pagination = try Pagination(query)
        let sport = try QueryFilters.sport(query)
        let status = try QueryFilters.oneOf(query, "status", GameStatus.self)
        let days = try QueryFilters.gameDays(query)
        let withOdds = try QueryFilters.flag(query, "with_odds") ?? false
        let order = try ListOrder(query, default: ListOrder(GameRepository.Order.scheduledAt, ascending: true))
        let name = ReadCache.pageEntry(
            [withOdds ? "list-odds" : "list", sport ?? "", status?.rawValue ?? "", ReadCache.entryFilter(days.from), ReadCache.entryFilter(days.to)],
            order: order, pagination: pagination)
        let scopes = [sport.map(ReadCache.Scope.sport) ?? .everything]
        let (body, _) = try await (withOdds ? odds : games).json(name, scopes: scopes, context: context) { consistency in
            let database = await reads.database(for: consistency)
            let page = try await database.games.page(
                sport: sport, status: status, from: days.from, to: days.to, order: order, limit: pagination.limit, offset: pagination.offset)
            let teams = try await self.teams(of: page.games, in: database)
            var latest: [Int: [OddsSnapshot]] = [:]
            if withOdds {
                let asOf = now()
                latest = try await database.odds.latest(for: page.games.compactMap { game in game.id.map { GameAsOf(gameID: $0, asOf: asOf) } })
            }
            let views = page.games.map { game in GameView(game, teams: teams, odds: withOdds ? latest[game.id ?? 0] ?? [] : nil) }
            return Envelope(data: views, meta: pagination.meta(total: page.total), market: market)
        }
        return .json(body)
    }

    /// One game with each book's latest prices.
    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Envelope<GameView, EmptyMeta> {
        let id = try QueryFilters.pathID(context)
        var view = try await game(id)
        view.odds = try await odds.value("latest:\(id)", scopes: ReadCache.Scope.ofGame(id)) { consistency in
            try await reads.database(for: consistency).odds.latest(gameID: id, asOf: now()).map(OddsSnapshotView.init)
        }
        return Envelope(data: view, meta: EmptyMeta(), market: market)
    }

    /// The game with `id` without odds, through the game cache; 404 when there is none (never cached).
    private func game(_ id: Int) async throws -> GameView {
        try await games.value("one:\(id)", scopes: ReadCache.Scope.ofGame(id)) { consistency in
            let database = await reads.database(for: consistency)
            guard let game = try await database.games.find(id: id) else { throw Self.notFound(id) }
            return GameView(game, teams: try await teams(of: [game], in: database))
        }
    }

    /// A game's odds history, newest first (or as `sort` and `order` say), optionally of one `market` and one `bookmaker`.
    @Sendable func history(_ request: Request, context: APIRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let pagination = try Pagination(query)
        guard let text = query.get("game_id") else { throw APIError.validation("game_id is required", field: "game_id") }
        let gameID = try QueryFilters.positiveID(text, field: "game_id")
        let market = try query.get("market").map { text in
            guard Self.markets.contains(text) else {
                throw APIError.validation("market must be one of \(Self.markets.sorted().joined(separator: ", "))", field: "market")
            }
            return text
        }
        let bookmaker = try query.get("bookmaker").map { text in
            guard (1...64).contains(text.utf8.count), text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
                throw APIError.validation("bookmaker must be a book's key such as draftkings", field: "bookmaker")
            }
            return text
        }
        let order = try ListOrder(query, default: ListOrder(OddsRepository.Order.recordedAt))
        _ = try await game(gameID)  // 404 for a game that does not exist
        let name = ReadCache.pageEntry(["history", String(gameID), market ?? "", bookmaker ?? ""], order: order, pagination: pagination)
        let (body, _) = try await odds.json(name, scopes: ReadCache.Scope.ofGame(gameID), context: context) { consistency in
            let page = try await reads.database(for: consistency).odds.history(
                gameID: gameID, market: market, bookmaker: bookmaker, order: order, limit: pagination.limit, offset: pagination.offset)
            return Envelope(data: page.snapshots.map(OddsSnapshotView.init), meta: pagination.meta(total: page.total), market: self.market)
        }
        return .json(body)
    }

    /// The markets the odds collectors store.
    static let markets: Set<String> = ["h2h", "spreads", "totals"]

    private func teams(of games: [Game], in database: any PostgresDatabase) async throws -> [Int: Team] {
        let ids = Array(Set(games.flatMap { [$0.homeTeamID, $0.awayTeamID] }))
        return Dictionary(uniqueKeysWithValues: try await database.teams.teams(ids: ids).compactMap { team in team.id.map { ($0, team) } })
    }

    /// 404 (or `status`) `GAME_NOT_FOUND`.
    static func notFound(_ id: Int, status: HTTPResponse.Status = .notFound) -> APIError {
        APIError.notFound("Game", id: id, code: "GAME_NOT_FOUND", key: "game_id", status: status)
    }
}
