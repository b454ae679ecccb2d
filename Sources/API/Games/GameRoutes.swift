import Essentials
import Foundation
import Hummingbird
import Postgres
import Store

/// `GET /games`, `GET /games/{id}` and `GET /odds`: the games the collectors stored and their odds history,
/// for any signed-in user. They read the replica while it keeps up (`ReadConsistency.boundedStaleness`).
struct GameRoutes: Sendable {
    let reads: PostgresReadRouter
    let now: @Sendable () -> Date

    func register(on group: RouteRegistrar) {
        group.get("games", use: list)
        group.get("games/{id}", use: show)
        group.get("odds", use: odds)
    }

    /// Games in start order (or as `sort` and `order` say), filtered by `sport`, `status` and the game day (`date` or `date_from`/`date_to`).
    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Envelope<[GameView], PageMeta> {
        _ = try context.requireIdentity()
        let query = request.uri.queryParameters
        let pagination = try Pagination(query)
        let sport = try QueryFilters.sport(query)
        let status = try QueryFilters.oneOf(query, "status", GameStatus.self)
        let days = try QueryFilters.gameDays(query)
        let order = try ListOrder(query, default: ListOrder(GameRepository.Order.scheduledAt, ascending: true))
        let database = await reads.database(for: .boundedStaleness)
        let page = try await database.games.page(
            sport: sport, status: status, from: days.from, to: days.to, order: order, limit: pagination.limit, offset: pagination.offset)
        let teams = try await self.teams(of: page.games, in: database)
        return Envelope(data: page.games.map { GameView($0, teams: teams) }, meta: pagination.meta(total: page.total))
    }

    /// One game with each book's latest prices.
    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Envelope<GameView, EmptyMeta> {
        _ = try context.requireIdentity()
        let id = try QueryFilters.positiveID(try context.parameters.require("id"), field: "id")
        let database = await reads.database(for: .boundedStaleness)
        guard let game = try await database.games.find(id: id) else { throw Self.notFound(id) }
        let latest = try await database.odds.latest(gameID: id, asOf: now())
        return Envelope(data: GameView(game, teams: try await teams(of: [game], in: database), odds: latest), meta: EmptyMeta())
    }

    /// A game's odds history, newest first (or as `sort` and `order` say), optionally of one `market` and one `bookmaker`.
    @Sendable func odds(_ request: Request, context: APIRequestContext) async throws -> Envelope<[OddsSnapshotView], PageMeta> {
        _ = try context.requireIdentity()
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
        let database = await reads.database(for: .boundedStaleness)
        guard try await database.games.find(id: gameID) != nil else { throw Self.notFound(gameID) }
        let page = try await database.odds.history(
            gameID: gameID, market: market, bookmaker: bookmaker, order: order, limit: pagination.limit, offset: pagination.offset)
        return Envelope(data: page.snapshots.map(OddsSnapshotView.init), meta: pagination.meta(total: page.total))
    }

    /// The markets the odds collectors store.
    static let markets: Set<String> = ["h2h", "spreads", "totals"]

    private func teams(of games: [Game], in database: any PostgresDatabase) async throws -> [Int: Team] {
        let ids = Array(Set(games.flatMap { [$0.homeTeamID, $0.awayTeamID] }))
        return Dictionary(uniqueKeysWithValues: try await database.teams.teams(ids: ids).compactMap { team in team.id.map { ($0, team) } })
    }

    private static func notFound(_ id: Int) -> APIError {
        APIError(.notFound, code: "GAME_NOT_FOUND", "Game with ID \(id) not found", details: ["game_id": .integer(Int64(id))])
    }
}
