/// The result of checking a sport's prediction chain from its first position.
public struct PredictionChainReport: Sendable, Equatable {
    /// The sport whose chain this is.
    public var sport: String
    /// The sport's published predictions (chained or not).
    public var length: Int
    /// The last position that verified, counting from 1 (0 when none did).
    public var verifiedThrough = 0
    /// The link at `verifiedThrough`: with the position, what to publish elsewhere so the newest rows cannot be
    /// rewritten or dropped unseen either; `nil` when nothing verified.
    public var head: String?
    /// The first row that fails, or `nil` when every row verifies.
    public var firstBreak: PredictionChainBreak?

    /// Whether every published prediction of the sport verifies, in one unbroken chain.
    public var intact: Bool { firstBreak == nil }
}
