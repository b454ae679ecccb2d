/// How a group of graded picks did (counts, accuracy, mean CLV, ROI, sharp agreement), and how good the
/// group's forecasts were (log loss, Brier, ECE).
///
/// A group is a sport (or every sport), optionally narrowed to one bet type and/or one tier; a
/// `nil` sport, bet type or tier means "all of them". Definitions (seed 2.6, 5.2, 5.5), on **picks** only —
/// the one side per game and market that was published as a bet:
/// - accuracy = wins / (wins + losses): pushes and voids are neither right nor wrong;
/// - mean CLV over the settled picks that have one (against the close that followed the publication), against the
///   closing price and against the fair close (the closing line less its margin, which the closing price counts as value);
/// - ROI = profit / staked, where staked sums the stakes of wins and losses (a push returns its stake);
/// - sharp agreement = the share of settled picks that agreed with the sharpest book (see `SharpAgreement`).
///
/// Log loss, Brier and ECE (`ForecastQuality`) score every settled forecast, picked or not; they are
/// filled on the rows without a tier (a forecast has no tier of its own) and `nil` on the tier rows.
public struct PredictionPerformance: Sendable, Equatable, Codable {
    /// The sport; `nil`: every sport.
    public var sport: String?
    /// The bet type; `nil`: every bet type.
    public var betType: BetType?
    /// The tier; `nil`: every tier.
    public var tier: SignalTier?
    /// Settled predictions (wins + losses + pushes).
    public var settled: Int
    /// Wins.
    public var wins: Int
    /// Losses.
    public var losses: Int
    /// Pushes.
    public var pushes: Int
    /// Voided predictions (cancelled or postponed games), not counted in `settled`.
    public var voids: Int
    /// Wins / (wins + losses); `nil` without a decided prediction.
    public var accuracy: Double?
    /// The mean closing line value of the settled predictions that have one.
    public var meanCLV: Double?
    /// How many settled predictions have a CLV.
    public var clvCount: Int
    /// The mean closing line value against the fair close of the settled predictions that have one: what they
    /// returned on average if the closing line, less its margin, was right.
    public var meanFairCLV: Double?
    /// How many settled predictions have a CLV against the fair close.
    public var fairCLVCount: Int
    /// Units won or lost, as a fraction of bankroll.
    public var profit: Double
    /// The stakes of wins and losses, as a fraction of bankroll.
    public var staked: Double
    /// Profit / staked; `nil` when nothing was staked.
    public var roi: Double?
    /// The share of settled picks agreeing with the sharpest book; `nil` without one that could be judged.
    public var sharpAgreement: Double?
    /// How many settled picks could be judged for sharp agreement.
    public var sharpCount: Int
    /// Settled forecasts scored (rows without a tier only).
    public var forecasts: Int
    /// The forecasts' mean log loss.
    public var logLoss: Double?
    /// The forecasts' Brier score.
    public var brier: Double?
    /// The forecasts' plain ECE (10 equal-width bins).
    public var ece: Double?
    /// The ECE the same forecasts would show by chance if perfectly calibrated (`ForecastQuality.eceIfCalibrated`):
    /// on a small sample an ECE near this says nothing about calibration.
    public var eceIfCalibrated: Double?

    /// Creates a performance summary; `accuracy` and `roi` follow from the counts and sums.
    public init(
        sport: String? = nil, betType: BetType? = nil, tier: SignalTier? = nil, wins: Int = 0, losses: Int = 0,
        pushes: Int = 0, voids: Int = 0, meanCLV: Double? = nil, clvCount: Int = 0, meanFairCLV: Double? = nil, fairCLVCount: Int = 0,
        profit: Double = 0, staked: Double = 0,
        sharpAgreement: Double? = nil, sharpCount: Int = 0, forecast: ForecastQuality? = nil
    ) {
        self.sport = sport
        self.betType = betType
        self.tier = tier
        self.settled = wins + losses + pushes
        self.wins = wins
        self.losses = losses
        self.pushes = pushes
        self.voids = voids
        self.accuracy = wins + losses > 0 ? Double(wins) / Double(wins + losses) : nil
        self.meanCLV = meanCLV
        self.clvCount = clvCount
        self.meanFairCLV = meanFairCLV
        self.fairCLVCount = fairCLVCount
        self.profit = profit
        self.staked = staked
        self.roi = staked > 0 ? profit / staked : nil
        self.sharpAgreement = sharpAgreement
        self.sharpCount = sharpCount
        self.forecasts = forecast?.count ?? 0
        self.logLoss = forecast?.logLoss
        self.brier = forecast?.brier
        self.ece = forecast?.ece
        self.eceIfCalibrated = forecast?.eceIfCalibrated
    }

    /// The rows of `sport` by tier, A to D, an empty row for a tier without picks (readers index the list).
    public static func byTier(_ rows: [PredictionPerformance], sport: String) -> [PredictionPerformance] {
        SignalTier.allCases.map { tier in
            rows.first { $0.sport == sport && $0.betType == nil && $0.tier == tier } ?? PredictionPerformance(sport: sport, tier: tier)
        }
    }

    /// The rows of `sport` by gradeable bet type, an empty row for one without picks or forecasts.
    public static func byBetType(_ rows: [PredictionPerformance], sport: String) -> [PredictionPerformance] {
        [BetType.spread, .moneyline, .total].map { betType in
            rows.first { $0.sport == sport && $0.betType == betType && $0.tier == nil } ?? PredictionPerformance(sport: sport, betType: betType)
        }
    }

    /// This row with the quality of `forecast` filled in.
    public func with(_ forecast: ForecastQuality) -> PredictionPerformance {
        var row = self
        row.forecasts = forecast.count
        row.logLoss = forecast.logLoss
        row.brier = forecast.brier
        row.ece = forecast.ece
        row.eceIfCalibrated = forecast.eceIfCalibrated
        return row
    }

    enum CodingKeys: String, CodingKey {
        case sport
        case betType = "bet_type"
        case tier, settled, wins, losses, pushes, voids, accuracy
        case meanCLV = "mean_clv"
        case clvCount = "clv_count"
        case meanFairCLV = "mean_fair_clv"
        case fairCLVCount = "fair_clv_count"
        case profit, staked, roi
        case sharpAgreement = "sharp_agreement"
        case sharpCount = "sharp_count"
        case forecasts
        case logLoss = "log_loss"
        case brier, ece
        case eceIfCalibrated = "ece_if_calibrated"
    }

    /// Decodes a row; reports stored before forecasts, sharp agreement and the fair close were measured read as empty ones.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        sport = try c.decodeIfPresent(String.self, forKey: .sport)
        betType = try c.decodeIfPresent(BetType.self, forKey: .betType)
        tier = try c.decodeIfPresent(SignalTier.self, forKey: .tier)
        settled = try c.decode(Int.self, forKey: .settled)
        wins = try c.decode(Int.self, forKey: .wins)
        losses = try c.decode(Int.self, forKey: .losses)
        pushes = try c.decode(Int.self, forKey: .pushes)
        voids = try c.decode(Int.self, forKey: .voids)
        accuracy = try c.decodeIfPresent(Double.self, forKey: .accuracy)
        meanCLV = try c.decodeIfPresent(Double.self, forKey: .meanCLV)
        clvCount = try c.decode(Int.self, forKey: .clvCount)
        meanFairCLV = try c.decodeIfPresent(Double.self, forKey: .meanFairCLV)
        fairCLVCount = try c.decodeIfPresent(Int.self, forKey: .fairCLVCount) ?? 0
        profit = try c.decode(Double.self, forKey: .profit)
        staked = try c.decode(Double.self, forKey: .staked)
        roi = try c.decodeIfPresent(Double.self, forKey: .roi)
        sharpAgreement = try c.decodeIfPresent(Double.self, forKey: .sharpAgreement)
        sharpCount = try c.decodeIfPresent(Int.self, forKey: .sharpCount) ?? 0
        forecasts = try c.decodeIfPresent(Int.self, forKey: .forecasts) ?? 0
        logLoss = try c.decodeIfPresent(Double.self, forKey: .logLoss)
        brier = try c.decodeIfPresent(Double.self, forKey: .brier)
        ece = try c.decodeIfPresent(Double.self, forKey: .ece)
        eceIfCalibrated = try c.decodeIfPresent(Double.self, forKey: .eceIfCalibrated)
    }
}
