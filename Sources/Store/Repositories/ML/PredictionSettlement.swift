/// The grading of one prediction: result, closing price, CLV and profit.
public struct PredictionSettlement: Sendable, Equatable {
    /// How it did.
    public var result: PredictionResult
    /// The selection's closing price, if captured.
    public var closingPrice: Double?
    /// Closing line value against the closing price.
    public var clv: Double?
    /// Closing line value against the fair close (the closing line less its margin): what the pick returns on
    /// average if the close was right.
    public var fairCLV: Double?
    /// Units won or lost.
    public var profit: Double
    /// For a pick: whether it agreed with the sharpest book (see `SharpAgreement` in Jobs); `nil` otherwise.
    public var sharpAgreement: Bool?

    /// Creates a settlement.
    public init(
        result: PredictionResult, closingPrice: Double? = nil, clv: Double? = nil, fairCLV: Double? = nil, profit: Double,
        sharpAgreement: Bool? = nil
    ) {
        self.result = result
        self.closingPrice = closingPrice
        self.clv = clv
        self.fairCLV = fairCLV
        self.profit = profit
        self.sharpAgreement = sharpAgreement
    }
}
