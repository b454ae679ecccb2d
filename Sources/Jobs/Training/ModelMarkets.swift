import ML
import Queue
import Store

/// The bet types the model jobs train, calibrate and predict, and the checks of the `sport` and `betType`
/// fields those jobs share.
public enum ModelMarkets {
    /// Every bet type with a model (player props have their own job).
    static let betTypes: [BetType] = [.spread, .moneyline, .total]

    /// The prefix of the features that are adjustments to the line in its own units: what the schedule, the announced
    /// starters or the teams' recent line moves are worth as log-odds of a home win (`line_adjust_schedule`,
    /// `line_adjust_starters`, `line_adjust_drift`).
    static let lineAdjustmentPrefix = "line_adjust_"

    /// A GLM on the line adjustments alone, fitted on top of the bet type's prior, without an intercept: one
    /// coefficient for their sum, the share of them the line has not priced yet. Every learner of all the features fits
    /// dozens of coefficients on a few hundred games and, at the open, learned nothing the anchoring test could
    /// tell from noise; one coefficient can be learned there. A coefficient per adjustment could not, on a season of
    /// simulated MLB games at the open (`bench/pipeline.sh`): fitted to the results, they kept 0.0002 of the 0.0012 of
    /// expected log loss below the market that the three adjustments hold; one coefficient on their sum, kept whole
    /// (`LearnerSpecification.isOneCoefficient`), 0.0009 ± 0.0001. Nil for totals (the adjustments are about who wins,
    /// not how many points) and when `names` holds no adjustment.
    public static func lineAdjustmentLearner(names: [String], betType: BetType) -> LearnerSpecification? {
        let columns = names.filter { $0.hasPrefix(lineAdjustmentPrefix) }
        guard !columns.isEmpty, betType == .moneyline || betType == .spread else { return nil }
        var configuration = GeneralizedLinearConfiguration()
        configuration.columns = columns
        configuration.sumsColumns = true
        configuration.alpha = 0
        configuration.lambda = 1e-3
        // The market prices the home edge; a zero adjustment means nothing to add (see `fitsIntercept`).
        configuration.fitsIntercept = false
        return .generalizedLinear(configuration)
    }

    /// The market forecast a bet type's learners fit on top of and fall back to.
    ///
    /// Moneyline: the books' no-vig home-win probability as the features saw it, current line first, then the
    /// opening line. Spread and total: the books' no-vig probability of covering the current consensus spread
    /// or going over the current total, the number the label is graded against (a baseball run line of ±1.5
    /// is priced far from even money). A game without the column starts from even odds.
    public static func prior(_ betType: BetType) -> MarketPrior {
        switch betType {
        case .moneyline: MarketPrior(probabilityColumns: ["line_homewinprob_current", "line_homewinprob_open"])
        case .spread: MarketPrior(probabilityColumns: ["line_homecoverprob_current"])
        case .total: MarketPrior(probabilityColumns: ["line_overprob_current"])
        case .playerProp: .evenOdds
        }
    }

    /// The bet type named, or all of them.
    static func betTypes(_ named: String?) -> [BetType] {
        named.flatMap(BetType.init(rawValue:)).map { [$0] } ?? betTypes
    }

    /// The publication named, or both: each has its own models (``PredictionPublication``).
    static func publications(_ named: String?) -> [PredictionPublication] {
        named.flatMap(PredictionPublication.init(rawValue:)).map { [$0] } ?? PredictionPublication.allCases
    }

    /// Refuses a publication that is not `open` or `game_day`.
    static func validate(publication: String?) throws {
        if let publication, PredictionPublication(rawValue: publication) == nil {
            throw QueueError(.invalidRequest, "publication: \"\(publication.prefix(40))\" is not open or game_day")
        }
    }

    /// The suffix that keeps a job's effects apart per publication: none on game day, as before models were trained
    /// per publication, so a job redelivered across the upgrade still finds its effect.
    static func effectSuffix(_ publication: PredictionPublication) -> String {
        publication == .gameDay ? "" : "/\(publication.rawValue)"
    }

    /// Refuses a bet type without a model and a sport that cannot be a sport code.
    static func validate(sport: String?, betType: String? = nil) throws {
        if let betType, !betTypes.contains(where: { $0.rawValue == betType }) {
            throw QueueError(.invalidRequest, "betType: \"\(betType.prefix(40))\" is not spread, moneyline or total")
        }
        if let sport, sport.isEmpty || sport.count > 20 { throw QueueError(.invalidRequest, "sport: give a sport code such as nba") }
    }
}
