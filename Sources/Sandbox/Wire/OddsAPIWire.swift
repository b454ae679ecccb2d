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

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encodeIfPresent(description, forKey: .description)
            try container.encode(price, forKey: .price)
            try container.encodeIfPresent(point, forKey: .point)
        }

        enum CodingKeys: String, CodingKey { case name, description, price, point }
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
        let scores: [Score]?
        let last_update: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(sport_key, forKey: .sport_key)
            try container.encode(sport_title, forKey: .sport_title)
            try container.encode(commence_time, forKey: .commence_time)
            try container.encode(completed, forKey: .completed)
            try container.encode(home_team, forKey: .home_team)
            try container.encode(away_team, forKey: .away_team)
            try container.encode(scores, forKey: .scores)
            try container.encode(last_update, forKey: .last_update)
        }

        enum CodingKeys: String, CodingKey {
            case id, sport_key, sport_title, commence_time, completed, home_team, away_team, scores, last_update
        }
    }

    struct Score: Encodable {
        let name: String
        let score: String
    }

    struct HistoricalOdds: Encodable {
        let timestamp: String
        let previous_timestamp: String
        /// `null` for the newest snapshot.
        let next_timestamp: String?
        let data: [Event]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(timestamp, forKey: .timestamp)
            try container.encode(previous_timestamp, forKey: .previous_timestamp)
            try container.encode(next_timestamp, forKey: .next_timestamp)
            try container.encode(data, forKey: .data)
        }

        enum CodingKeys: String, CodingKey {
            case timestamp, previous_timestamp, next_timestamp, data
        }
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
