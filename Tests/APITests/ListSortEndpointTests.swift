import API
import Foundation
import HTTPTypes
import Store
import Testing

/// `sort` and `order` on every list endpoint, over real HTTP: each list's own fields, in both directions, and a 400
/// listing the allowed fields for anything else.
struct ListSortEndpointTests {
    /// Every list, with its sortable fields; `gameID` is a game with odds.
    static func lists(gameID: Int) -> [(path: String, fields: [String])] {
        [
            ("/api/v1/predictions", ["created_at", "game_date", "edge", "probability", "tier"]),
            ("/api/v1/player-props", ["created_at", "game_date", "edge", "probability", "tier"]),
            ("/api/v1/games", ["scheduled_at", "updated_at", "sport", "status"]),
            ("/api/v1/odds?game_id=\(gameID)", ["recorded_at", "price", "bookmaker", "market"]),
            ("/api/v1/models", ["created_at", "promoted_at", "name", "version", "status"]),
            ("/api/v1/betting/bets", ["placed_at", "game_date", "stake", "profit"]),
            ("/api/v1/betting/bankroll", ["created_at", "amount"]),
            ("/api/v1/jobs", ["created_at", "priority", "attempt", "type", "state"]),
            ("/api/v1/queues", ["name", "pending", "dead"]),
            ("/api/v1/admin/users", ["created_at", "email", "last_login_at", "role"]),
            ("/api/v1/admin/predictions/export", ["created_at", "game_date", "edge", "probability", "tier"]),
            ("/api/v1/admin/promotions", ["requested_at", "sport"]),
        ]
    }

    @Test func everyListRefusesUnknownSortFieldsAndOrdersListingWhatIsAllowed() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        let games = try await GameEndpointTests.seed(harness.store)
        try await harness.run(as: admin) { client, token in
            for (path, fields) in Self.lists(gameID: games[0]) {
                let joiner = path.contains("?") ? "&" : "?"
                let bad = try await client.get(path + joiner + "sort=password_hash", token: token)
                #expect(bad.status == .badRequest, "\(path) → \(bad.text)")
                #expect(bad.errorCode == "VALIDATION_FAILED", "\(path)")
                #expect(bad.json["error"]?["details"]?["field"]?.string == "sort", "\(path)")
                #expect(bad.json["error"]?["details"]?["allowed"]?.array?.compactMap(\.string) == fields, "\(path) → \(bad.text)")
                #expect(bad.json["error"]?["message"]?.string?.contains(fields.joined(separator: ", ")) == true, "\(path)")
                let sideways = try await client.get(path + joiner + "order=sideways", token: token)
                #expect(sideways.status == .badRequest, "\(path)")
                #expect(sideways.json["error"]?["details"]?["allowed"]?.array?.compactMap(\.string) == ["asc", "desc"], "\(path)")
                for field in fields {
                    for order in ["asc", "desc"] {
                        let good = try await client.get(path + joiner + "sort=\(field)&order=\(order)", token: token)
                        #expect(good.status == .ok, "\(path) sort=\(field)&order=\(order) → \(good.text.prefix(300))")
                    }
                }
            }
        }
    }

    @Test func sortAndOrderChangeWhatEachListAnswers() async throws {
        let harness = try await APITestHarness.make()
        let admin = try await harness.user(role: .admin)
        let games = try await GameEndpointTests.seed(harness.store)
        try await harness.run(as: admin) { client, token in
            func values(_ path: String, _ key: String) async throws -> [String] {
                let reply = try await client.get(path, token: token)
                #expect(reply.status == .ok, "\(path) → \(reply.text.prefix(300))")
                return reply.data?.array?.compactMap { $0[key]?.string ?? $0[key]?.double.map { String($0) } } ?? []
            }
            let starts = try await values("/api/v1/games", "scheduled_at")
            #expect(starts.count == 3 && starts == starts.sorted(), "start order by default")
            #expect(try await values("/api/v1/games?order=desc", "scheduled_at") == starts.reversed())
            let sports = try await values("/api/v1/games?sort=sport&order=asc", "sport")
            #expect(sports == ["mlb", "nba", "nba"])

            let prices = try await client.get("/api/v1/odds?game_id=\(games[0])&sort=price&order=asc&limit=100", token: token)
            let priceValues = prices.data?.array?.compactMap { $0["price"]?.double } ?? []
            #expect(priceValues.count > 2 && priceValues == priceValues.sorted(), "\(prices.text.prefix(300))")
            let newest = try await values("/api/v1/odds?game_id=\(games[0])&limit=100", "recorded_at")
            #expect(newest == newest.sorted().reversed(), "newest first by default")

            for priority in [5, 1, 9] {
                let reply = try await client.post(
                    "/api/v1/jobs", token: token,
                    json: #"{"type":"diag.noop","payload":{},"queue":"\#(harness.queueName)","priority":\#(priority)}"#)
                #expect(reply.status == .created)
            }
            func priorities(_ order: String) async throws -> [Int] {
                let reply = try await client.get("/api/v1/jobs?queue=\(harness.queueName)&sort=priority&order=\(order)", token: token)
                #expect(reply.json["meta"]?["total_is_exact"]?.bool == true)
                return reply.data?.array?.compactMap { $0["priority"]?.int } ?? []
            }
            #expect(try await priorities("asc") == [1, 5, 9])
            #expect(try await priorities("desc") == [9, 5, 1])
            let paged = try await client.get("/api/v1/jobs?queue=\(harness.queueName)&sort=priority&order=asc&limit=1&page=2", token: token)
            #expect(paged.data?.array?.compactMap { $0["priority"]?.int } == [5])
            #expect(paged.json["meta"]?["total"]?.int == 3)
        }
    }
}
