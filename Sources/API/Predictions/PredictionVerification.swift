/// The answer of `GET /predictions/{id}/verify`.
struct PredictionVerification: Encodable, Sendable {
    var predictionId: Int
    var storedHash: String
    var computedHash: String
    var matches: Bool
    var algorithm = "sha256"
    var canonicalContent: String
}
