import Store

/// Whose probability a player prop shows: the books', the model's, or a blend of the two.
///
/// A prop forecast is anchored on the books' no-vig price until settled props show the model knows more
/// (`PropMarketAnchor` in Jobs). While its weight is 0 the published probability *is* the market's, and a bettor
/// reading `probability` must not take it for the platform's own forecast.
enum ProbabilitySource: String, Codable, Sendable {
    /// The books' no-vig probability at the best prices (anchor weight 0).
    case market
    /// The model's own probability: no two-sided price to anchor on, or weight 1.
    case model
    /// The market's probability moved part of the way (the weight) toward the model's.
    case blend

    /// The source of a prediction of `betType` with `components`; nil for game markets, whose models are judged
    /// against the line in their reports instead.
    init?(betType: BetType, components: [String: Double]) {
        guard betType == .playerProp else { return nil }
        guard let weight = components[PropComponent.anchorWeight] else {
            // Unpriced props, and priced ones stored before the weight was recorded (all at weight 0 then).
            self = components[PropComponent.marketOver] == nil ? .model : .market
            return
        }
        switch weight {
        case ...0: self = .market
        case 1...: self = .model
        default: self = .blend
        }
    }
}
