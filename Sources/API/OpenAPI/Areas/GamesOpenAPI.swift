import OpenAPIKit
import Store

/// Games with their teams and latest prices, and a game's odds history.
enum GamesOpenAPI: OpenAPIArea {
    static let tag = "games"

    static var paths: OpenAPI.PathItem.Map {
        [
            "/api/v1/games": get(
                operation(
                    "List games, in start order unless sort and order say otherwise; with_odds=true adds each game's latest "
                        + "prices, as GET /games/{id} shows them.",
                    parameters: OpenAPIParameters.pagination + OpenAPIParameters.gameDays + [
                        .query(name: "sport", schema: S.sport), .query(name: "status", schema: S.string(enumeration: S.gameStatuses)),
                        .query(name: "with_odds", schema: S.string(enumeration: ["true", "false"])),
                    ] + OpenAPIParameters.sort(GameRepository.Order.self, default: .scheduledAt, ascending: true),
                    responses: [200: .json(S.pricedPage(S.reference("Game")))], errors: [400, 401, 429])),
            "/api/v1/games/{id}": getOne(
                "One game with each book's latest price per market and outcome (the last 24 hours).", schema: "Game", priced: true),
            "/api/v1/odds": get(
                operation(
                    "A game's odds history, newest first unless sort and order say otherwise, in decimal odds.",
                    parameters: OpenAPIParameters.pagination + [
                        .query(name: "game_id", required: true, schema: S.rowID),
                        .query(name: "market", schema: S.string(enumeration: ["h2h", "spreads", "totals"])),
                        .query(name: "bookmaker", schema: S.string(pattern: "^[!-~]{1,64}$", minLength: 1, maxLength: 64)),
                    ] + OpenAPIParameters.sort(OddsRepository.Order.self, default: .recordedAt),
                    responses: [200: .json(S.pricedPage(S.reference("OddsSnapshot")))], errors: [400, 401, 404, 429])),
        ]
    }

    static var schemas: OpenAPI.ComponentDictionary<JSONSchema> {
        [
            "Game": S.object(
                required: [
                    "id": S.integer(), "sport": S.string(), "scheduled_at": S.dateTime, "status": S.string(enumeration: S.gameStatuses),
                    "home_team": S.reference("GameTeam"), "away_team": S.reference("GameTeam"), "neutral_site": S.boolean,
                ],
                optional: [
                    "season": S.integer(nullable: true), "home_score": S.integer(nullable: true), "away_score": S.integer(nullable: true),
                    "venue": S.string(nullable: true), "odds": S.array(S.reference("OddsSnapshot")),
                ]),
            "GameTeam": S.object(required: ["id": S.integer(), "name": S.string()], optional: ["abbreviation": S.string(nullable: true)]),
            "OddsSnapshot": S.object(
                required: [
                    "game_id": S.integer(), "bookmaker": S.string(), "market": S.string(), "outcome": S.string(),
                    "price": S.number(minimum: 1), "recorded_at": S.dateTime, "is_backfill": S.boolean,
                ],
                optional: ["point": S.number(nullable: true)]),
        ]
    }
}
