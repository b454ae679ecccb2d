import Foundation

/// Open-Meteo's hourly forecast, and its historical archive, at a point, in metric units and GMT.
public struct OpenMeteoClient: Sendable {
    /// The source name recorded with raw forecast payloads and forecast weather rows.
    public static let source = "open-meteo"
    /// The source name of archive (reanalysis) payloads and rows: kept apart from forecasts, as the values
    /// are measurements after the fact, not what was predictable.
    public static let archiveSource = "open-meteo-archive"
    /// The hourly variables requested from the forecast.
    static let variables = [
        "temperature_2m", "relative_humidity_2m", "wind_speed_10m", "wind_direction_10m", "precipitation", "precipitation_probability",
    ]
    /// The hourly variables requested from the archive: it has no precipitation probability (a reanalysis
    /// knows whether it rained) and answers 400 to the name.
    static let archiveVariables = variables.filter { $0 != "precipitation_probability" }

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
        try await hourly(
            source: Self.source, baseURL: configuration.baseURL, path: "/v1/forecast", variables: Self.variables, latitude: latitude,
            longitude: longitude, from: from, to: to, now: now)
    }

    /// `GET /v1/archive` (the Historical Weather API) at (`latitude`, `longitude`) for the past UTC days
    /// `from`…`to` (`YYYY-MM-DD`); the body has the forecast's shape, with nulls for hours not yet analysed.
    public func archive(latitude: Double, longitude: Double, from: String, to: String, now: Date) async throws -> UpstreamResponse {
        try await hourly(
            source: Self.archiveSource, baseURL: configuration.archiveBaseURL, path: "/v1/archive", variables: Self.archiveVariables,
            latitude: latitude, longitude: longitude, from: from, to: to, now: now)
    }

    private func hourly(
        source: String, baseURL: String, path: String, variables: [String], latitude: Double, longitude: Double, from: String, to: String,
        now: Date
    ) async throws -> UpstreamResponse {
        var query = [
            ("latitude", String(latitude)), ("longitude", String(longitude)), ("hourly", variables.joined(separator: ",")),
            ("timezone", "GMT"), ("start_date", from), ("end_date", to),
        ]
        if let key = configuration.apiKey { query.append(("apikey", key)) }
        let response = try await upstream.get(source: source, baseURL: baseURL, path: path, query: query, redacted: ["apikey"], now: now)
        guard response.status == 200 else { throw CollectorError(response: response, source: source, message: response.bodyPrefix(300)) }
        return response
    }
}
