import Foundation

/// ESPN's site API: the scoreboard, one Eastern calendar day per request (ranges are refused since 2026-09),
/// one game's summary, and the league's injuries.
public struct ESPNClient: Sendable {
    /// The source name recorded with raw payloads.
    public static let source = "espn"

    /// The configuration.
    public let configuration: ESPNConfiguration
    private let upstream: UpstreamClient

    /// A client for `configuration` over `upstream`.
    public init(configuration: ESPNConfiguration, upstream: UpstreamClient) {
        self.configuration = configuration
        self.upstream = upstream
    }

    /// `GET /apis/site/v2/sports/{path}/scoreboard?dates=YYYYMMDD`.
    public func scoreboard(path: String, date yyyymmdd: String, now: Date) async throws -> UpstreamResponse {
        try await get("/apis/site/v2/sports/\(path)/scoreboard", query: [("dates", yyyymmdd), ("limit", "500")], now: now)
    }

    /// `GET /apis/site/v2/sports/{path}/summary?event={eventID}`: one game's header, game info, lines and injuries.
    public func summary(path: String, eventID: String, now: Date) async throws -> UpstreamResponse {
        try await get("/apis/site/v2/sports/\(path)/summary", query: [("event", eventID)], now: now)
    }

    /// `GET /apis/site/v2/sports/{path}/injuries`: every team's list (the per-team endpoint answers `{}`).
    public func injuries(path: String, now: Date) async throws -> UpstreamResponse {
        try await get("/apis/site/v2/sports/\(path)/injuries", query: [], now: now)
    }

    private func get(_ path: String, query: [(String, String)], now: Date) async throws -> UpstreamResponse {
        let response = try await upstream.get(source: Self.source, baseURL: configuration.baseURL, path: path, query: query, now: now)
        guard response.status == 200 else { throw CollectorError(response: response, source: Self.source) }
        return response
    }
}
