/// The Odds API's error body: `{"message", "error_code", "details_url"}`.
struct OddsAPIErrorBody: Decodable, Sendable {
    let message: String
    let errorCode: String

    enum CodingKeys: String, CodingKey {
        case message
        case errorCode = "error_code"
    }
}
