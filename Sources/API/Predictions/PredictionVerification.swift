/// The answer of `GET /predictions/{id}/verify`.
struct PredictionVerification: Encodable, Sendable {
    var predictionId: Int
    var storedHash: String
    var computedHash: String
    var matches: Bool
    var algorithm = "sha256"
    var canonicalContent: String
    /// The sport's hash chain, checked from its start; `nil` for a prediction that is not a publication (a player prop).
    var chain: PredictionChainVerification?
}
