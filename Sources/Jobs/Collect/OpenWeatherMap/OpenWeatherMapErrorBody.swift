/// OpenWeatherMap's error body: `{"cod": 401, "message": "Invalid API key. …"}`. `cod` is a number on 401 and
/// 429 but a string on 404, so it is not decoded; the status says the same.
struct OpenWeatherMapErrorBody: Decodable, Sendable {
    let message: String
}
