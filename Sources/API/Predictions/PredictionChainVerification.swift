import Store

/// The `chain` part of `GET /predictions/{id}/verify`: where the prediction sits in its sport's hash chain, and the
/// chain checked from its first position to its head, with the first break.
struct PredictionChainVerification: Encodable, Sendable {
    /// The first row of the chain that fails, and why (see `PredictionChainBreak.Reason`).
    struct Break: Encodable, Sendable {
        var position: Int?
        var predictionId: Int
        var reason: String
    }

    var sport: String
    /// The prediction's position (`nil`: the chain never took it).
    var position: Int?
    /// The prediction's stored link.
    var link: String?
    /// Whether every published prediction of the sport verifies, in one unbroken chain.
    var intact: Bool
    var length: Int
    var verifiedThrough: Int
    /// The link at `verified_through`: publish it elsewhere, and the newest rows cannot be dropped unseen either.
    var head: String?
    var firstBreak: Break?
    var algorithm = "sha256(previous_link:published_at_unix_seconds:prediction_hash)"

    /// The answer for the prediction at `entry` of `report`'s chain.
    init(_ report: PredictionChainReport, entry: PredictionChain.Entry?) {
        sport = report.sport
        position = entry?.position
        link = entry?.link
        intact = report.intact
        length = report.length
        verifiedThrough = report.verifiedThrough
        head = report.head
        firstBreak = report.firstBreak.map { Break(position: $0.position, predictionId: $0.predictionID, reason: $0.reason.rawValue) }
    }
}
