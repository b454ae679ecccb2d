import Foundation
import Store

/// The body of `POST /alerts/rules`: alert me to new picks of `sport` (all when absent) and `bet_type` (all when
/// absent) of tier `min_tier` or better.
struct AlertRuleRequest: Decodable, Sendable {
    var sport: String?
    var betType: String?
    var minTier: String

    /// The rule for `userID`; a 400 naming the first bad field.
    func rule(userID: UUID) throws -> AlertRule {
        let sport = try sport.map { try QueryFilters.sportCode($0) }
        let betType = try betType.map { text in
            guard let type = BetType(rawValue: text) else {
                throw APIError.validation("bet_type must be spread, moneyline, total or player_prop", field: "bet_type")
            }
            return type
        }
        guard let tier = SignalTier(rawValue: minTier.uppercased()) else {
            throw APIError.validation("min_tier must be A, B, C or D", field: "min_tier")
        }
        return AlertRule(userID: userID, sport: sport, betType: betType, minimumTier: tier)
    }
}
