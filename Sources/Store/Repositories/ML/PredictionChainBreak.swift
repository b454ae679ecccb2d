/// Where a sport's prediction chain first fails to verify, and why.
public struct PredictionChainBreak: Sendable, Equatable {
    /// What is wrong at the break.
    public enum Reason: String, Sendable, Codable {
        /// The row no longer hashes to its `prediction_hash`: it was edited.
        case contentChanged = "content_changed"
        /// The row's link does not follow from the link before it, its publication time and its content hash: it,
        /// or its place in the chain, was rewritten.
        case linkChanged = "link_changed"
        /// The position before this row's is missing: a row was deleted.
        case positionMissing = "position_missing"
        /// Published before the row ahead of it in the chain: it was inserted later than it claims.
        case publishedOutOfOrder = "published_out_of_order"
        /// A published row the chain never took: it was inserted behind the store's back.
        case outsideChain = "outside_chain"
    }

    /// The chain position of the row at the break (`nil` for a row outside the chain).
    public var position: Int?
    /// The prediction at the break.
    public var predictionID: Int
    /// Why the chain breaks there.
    public var reason: Reason

    /// A break at `position`.
    public init(position: Int?, predictionID: Int, reason: Reason) {
        self.position = position
        self.predictionID = predictionID
        self.reason = reason
    }
}
