import Foundation

/// OpenWeatherMap's 5 day / 3 hour forecast at a point, in metric units.
public struct OpenWeatherMapClient: Sendable {
    /// The source name recorded with raw payloads and weather rows.
    public static let source = "openweathermap"
    /// The units asked for; the body does not repeat them.
    static let units = OpenWeatherMapUnits.metric

    /// The configuration.
    public let configuration: OpenWeatherMapConfiguration
    private let upstream: UpstreamClient

    /// A client for `configuration` over `upstream`.
    public init(configuration: OpenWeatherMapConfiguration, upstream: UpstreamClient) {
        self.configuration = configuration
        self.upstream = upstream
    }

    /// `GET /data/2.5/forecast` at (`latitude`, `longitude`): the next five days in three-hour steps.
    ///
    /// Errors as documented: 401 (missing or invalid key) is permanent, 429 (calls per minute exceeded) is
    /// retried later, other 4xx (`wrong latitude`, `city not found`) are permanent, 5xx are retried.
    public func forecast(latitude: Double, longitude: Double, now: Date) async throws -> UpstreamResponse {
        let query = [
            ("lat", String(latitude)), ("lon", String(longitude)), ("units", Self.units.rawValue), ("appid", configuration.apiKey),
        ]
        let response = try await upstream.get(
            source: Self.source, baseURL: configuration.baseURL, path: "/data/2.5/forecast", query: query, redacted: ["appid"], now: now)
        guard response.status != 200 else { return response }
        let detail = (try? JSONDecoder().decode(OpenWeatherMapErrorBody.self, from: response.body))?.message ?? response.bodyPrefix()
        throw CollectorError(response: response, source: Self.source, keyed: true, message: detail)
    }
}
