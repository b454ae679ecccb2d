import Foundation

/// The Odds API v4: odds, historical odds, scores and sports, with the documented errors mapped to
/// `CollectorError` and the quota headers read from every answer.
public struct OddsAPIClient: Sendable {
    /// The source name recorded with raw payloads.
    public static let source = "the-odds-api"

    /// The configuration.
    public let configuration: OddsAPIConfiguration
    private let upstream: UpstreamClient

    /// A client for `configuration` over `upstream`.
    public init(configuration: OddsAPIConfiguration, upstream: UpstreamClient) {
        self.configuration = configuration
        self.upstream = upstream
    }

    /// `GET /v4/sports/{sport}/odds` for the configured regions, markets and format.
    public func odds(sport: String, now: Date) async throws -> UpstreamResponse {
        try await get("/v4/sports/\(sport)/odds", marketQuery, now: now)
    }

    /// `GET /v4/historical/sports/{sport}/odds?date=`: the snapshot at or before `date`.
    public func historicalOdds(sport: String, at date: Date, now: Date) async throws -> UpstreamResponse {
        try await get("/v4/historical/sports/\(sport)/odds", marketQuery + [("date", UpstreamTime.isoSeconds(date))], now: now)
    }

    /// `GET /v4/sports/{sport}/events/{eventId}/odds` for `markets` (player markets such as `batter_hits`
    /// are served only here), in the configured regions and format; the answer is one event object.
    public func eventOdds(sport: String, eventID: String, markets: [String], now: Date) async throws -> UpstreamResponse {
        try await get(
            "/v4/sports/\(sport)/events/\(eventID)/odds",
            [
                ("regions", configuration.regions.joined(separator: ",")), ("markets", markets.joined(separator: ",")),
                ("oddsFormat", configuration.oddsFormat.rawValue), ("dateFormat", "iso"),
            ], now: now)
    }

    /// `GET /v4/sports/{sport}/scores`, with completed games of the last `daysFrom` days when given.
    public func scores(sport: String, daysFrom: Int?, now: Date) async throws -> UpstreamResponse {
        try await get("/v4/sports/\(sport)/scores", (daysFrom.map { [("daysFrom", String($0))] } ?? []) + [("dateFormat", "iso")], now: now)
    }

    /// `GET /v4/sports`.
    public func sports(now: Date) async throws -> UpstreamResponse {
        try await get("/v4/sports", [], now: now)
    }

    private var marketQuery: [(String, String)] {
        [
            ("regions", configuration.regions.joined(separator: ",")), ("markets", configuration.markets.joined(separator: ",")),
            ("oddsFormat", configuration.oddsFormat.rawValue), ("dateFormat", "iso"),
        ]
    }

    /// One request, with the key (redacted from logs); a frequency limit is waited out `frequencyRetries` times.
    private func get(_ path: String, _ query: [(String, String)], now: Date) async throws -> UpstreamResponse {
        let wait = RateLimitWait(retries: configuration.frequencyRetries)
        let response = try await upstream.get(
            source: Self.source, baseURL: configuration.baseURL, path: path, query: [("apiKey", configuration.apiKey)] + query,
            redacted: ["apiKey"], now: now, rateLimitWait: wait)
        guard response.status != 200 else { return response }
        let body = try? JSONDecoder().decode(OddsAPIErrorBody.self, from: response.body)
        let detail = body.map { "\($0.errorCode): \($0.message)" } ?? response.bodyPrefix()
        if response.status == 401 && body?.errorCode == "OUT_OF_USAGE_CREDITS" {
            throw CollectorError(
                .quotaExhausted, source: Self.source, endpoint: response.endpoint, status: response.status, message: detail)
        }
        throw CollectorError(response: response, source: Self.source, keyed: true, message: detail)
    }
}
