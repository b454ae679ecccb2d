import Queue
import Store

/// The bet types the model jobs train, calibrate and predict, and the checks of the `sport` and `betType`
/// fields those jobs share.
enum ModelMarkets {
    /// Every bet type with a model (player props have their own job).
    static let betTypes: [BetType] = [.spread, .moneyline, .total]

    /// The bet type named, or all of them.
    static func betTypes(_ named: String?) -> [BetType] {
        named.flatMap(BetType.init(rawValue:)).map { [$0] } ?? betTypes
    }

    /// Refuses a bet type without a model and a sport that cannot be a sport code.
    static func validate(sport: String?, betType: String? = nil) throws {
        if let betType, !betTypes.contains(where: { $0.rawValue == betType }) {
            throw QueueError(.invalidRequest, "betType: \"\(betType.prefix(40))\" is not spread, moneyline or total")
        }
        if let sport, sport.isEmpty || sport.count > 20 { throw QueueError(.invalidRequest, "sport: give a sport code such as nba") }
    }
}
