/// The grading of one prediction: result, closing price, CLV and profit.
public struct PredictionSettlement: Sendable, Equatable {
    /// How it did.
    public var result: PredictionResult
    /// The selection's closing price, if captured.
    public var closingPrice: Double?
    /// Closing line value.
    public var clv: Double?
    /// Units won or lost.
    public var profit: Double

    /// Creates a settlement.
    public init(result: PredictionResult, closingPrice: Double? = nil, clv: Double? = nil, profit: Double) {
        self.result = result
        self.closingPrice = closingPrice
        self.clv = clv
        self.profit = profit
    }
}
