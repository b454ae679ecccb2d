import Foundation
/// The Odds API v4 bodies, as the real service spells them (`../shared/reference/api-formats/the-odds-api.json`).
enum OddsAPIWire {
    struct Sport: Encodable {
        let key: String
        let group: String
        let title: String
        let description: String
        let active: Bool
        let has_outrights: Bool
    }

    struct Event: Encodable {
        let id: String
        let sport_key: String
        let sport_title: String
        let commence_time: String
        let home_team: String
        let away_team: String
        let bookmakers: [Bookmaker]
    }

    struct Bookmaker: Encodable {
        let key: String
        let title: String
        let last_update: String
        let markets: [Market]
    }

    struct Market: Encodable {
        let key: String
        let last_update: String?
        let outcomes: [Outcome]
    }

    struct Outcome: Encodable {
        let name: String
        /// The player a player-prop outcome is about (`name` is then `Over` or `Under`); absent otherwise.
        var description: String? = nil
        let price: Price
        let point: Double?
    }

    /// An integer in `oddsFormat=american`, a number with decimals in `decimal`.
    enum Price: Encodable {
        case american(Int)
        case decimal(Double)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .american(let value): try container.encode(value)
            case .decimal(let value): try container.encode(value)
            }
        }
    }

    struct ScoreEvent: Encodable {
        let id: String
        let sport_key: String
        let sport_title: String
        let commence_time: String
        let completed: Bool
        let home_team: String
        let away_team: String
        @ExplicitNull var scores: [Score]?
        @ExplicitNull var last_update: String?
    }

    struct Score: Encodable {
        let name: String
        let score: String
    }

    struct HistoricalOdds: Encodable {
        let timestamp: String
        let previous_timestamp: String
        /// `null` for the newest snapshot.
        @ExplicitNull var next_timestamp: String?
        let data: [Event]
    }

    struct ErrorBody: Encodable {
        let message: String
        let error_code: String
        let details_url: String

        init(_ code: String, _ message: String) {
            self.message = message
            error_code = code
            details_url =
                "https://the-odds-api.com/liveapi/guides/v4/api-error-codes.html#"
                + code.lowercased().replacingOccurrences(of: "_", with: "-")
        }
    }
}
