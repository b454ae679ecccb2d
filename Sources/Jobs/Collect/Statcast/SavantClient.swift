import Foundation

/// Baseball Savant's Statcast search CSV, pitch-level rows for a date range; the `Error: Query Timeout`
/// body Savant sends with status 200 becomes a retryable `CollectorError`.
public struct SavantClient: Sendable {
    /// The source name recorded with raw payloads.
    public static let source = "baseball-savant"
    private static let timeoutMarker = Data("Error: Query Timeout".utf8)

    /// The configuration.
    public let configuration: SavantConfiguration
    private let upstream: UpstreamClient

    /// A client for `configuration` over `upstream`.
    public init(configuration: SavantConfiguration, upstream: UpstreamClient) {
        self.configuration = configuration
        self.upstream = upstream
    }

    /// `GET /statcast_search/csv` for pitches of regular-season and postseason games `from`…`to` (`YYYY-MM-DD`, inclusive).
    ///
    /// A batter search: the same pitches as a pitcher search, but `player_name` names the batter, which is the
    /// name the books' player props use (the pitcher's name was never stored).
    public func pitches(from: String, to: String, now: Date) async throws -> UpstreamResponse {
        let query = [
            ("all", "true"), ("hfGT", "R|PO|"), ("player_type", "batter"), ("game_date_gt", from), ("game_date_lt", to),
            ("min_pitches", "0"), ("min_results", "0"), ("group_by", "name"), ("type", "details"),
        ]
        let response = try await upstream.get(
            source: Self.source, baseURL: configuration.baseURL, path: "/statcast_search/csv", query: query, now: now)
        guard response.status == 200 else { throw CollectorError(response: response, source: Self.source) }
        if response.body.prefix(200).range(of: Self.timeoutMarker) != nil {
            throw CollectorError(
                .upstreamFailed, source: Self.source, endpoint: response.endpoint, status: 200,
                message: response.bodyPrefix().trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return response
    }
}
