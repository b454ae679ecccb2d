import Foundation

/// Open-Meteo's hourly forecast at a point, in metric units and GMT.
public struct OpenMeteoClient: Sendable {
    /// The source name recorded with raw payloads and weather rows.
    public static let source = "open-meteo"
    /// The hourly variables requested.
    static let variables = [
        "temperature_2m", "relative_humidity_2m", "wind_speed_10m", "wind_direction_10m", "precipitation", "precipitation_probability",
    ]

    /// The configuration.
    public let configuration: OpenMeteoConfiguration
    private let upstream: UpstreamClient

    /// A client for `configuration` over `upstream`.
    public init(configuration: OpenMeteoConfiguration, upstream: UpstreamClient) {
        self.configuration = configuration
        self.upstream = upstream
    }

    /// `GET /v1/forecast` at (`latitude`, `longitude`) for the UTC days `from`…`to` (`YYYY-MM-DD`).
    public func forecast(latitude: Double, longitude: Double, from: String, to: String, now: Date) async throws -> UpstreamResponse {
        var query = [
            ("latitude", String(latitude)), ("longitude", String(longitude)), ("hourly", Self.variables.joined(separator: ",")),
            ("timezone", "GMT"), ("start_date", from), ("end_date", to),
        ]
        if let key = configuration.apiKey { query.append(("apikey", key)) }
        let response = try await upstream.get(
            source: Self.source, baseURL: configuration.baseURL, path: "/v1/forecast", query: query, redacted: ["apikey"], now: now)
        guard response.status == 200 else {
            let code: CollectorError.Code =
                response.status == 429 ? .rateLimited : (400..<500).contains(response.status) ? .requestRejected : .upstreamFailed
            throw CollectorError(
                code, source: Self.source, endpoint: response.endpoint, status: response.status,
                message: String(decoding: response.body.prefix(300), as: UTF8.self))
        }
        return response
    }
}
