import Foundation
import Store

/// One of the caller's alert rules, as the API shows it.
struct AlertRuleView: Encodable, Sendable {
    var id: Int
    /// Nil: every sport.
    var sport: String?
    /// Nil: every market.
    var betType: BetType?
    var minTier: SignalTier
    var createdAt: Date?

    init(_ rule: AlertRule) {
        id = rule.id ?? 0
        sport = rule.sport
        betType = rule.betType
        minTier = rule.minimumTier
        createdAt = rule.createdAt
    }
}
