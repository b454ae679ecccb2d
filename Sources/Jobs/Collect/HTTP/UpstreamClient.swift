import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// GETs upstream URLs with AsyncHTTPClient: a timeout per request, a cap on body size, transport failures
/// turned into `CollectorError(.unreachable)`.
public struct UpstreamClient: Sendable {
    private let http: HTTPClient
    private let timeout: TimeAmount
    private let maximumBodyBytes: Int

    /// A client on `http` (default the shared client); `timeout` per request, bodies up to `maximumBodyBytes`.
    public init(http: HTTPClient = .shared, timeout: Duration = .seconds(30), maximumBodyBytes: Int = 64 << 20) {
        self.http = http
        self.timeout = .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// Fetches `baseURL + path` with `query`; `redacted` names query items left out of the recorded endpoint.
    func get(
        source: String, baseURL: String, path: String, query: [(String, String)], redacted: Set<String> = [], now: Date
    ) async throws -> UpstreamResponse {
        func encode(_ items: [(String, String)]) -> String {
            var components = URLComponents()
            components.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
            return components.percentEncodedQuery.map { $0.isEmpty ? "" : "?" + $0 } ?? ""
        }
        let endpoint = path + encode(query.filter { !redacted.contains($0.0) })
        let url = baseURL.trimmingSuffix("/") + path + encode(query)
        do {
            let response = try await http.execute(HTTPClientRequest(url: url), timeout: timeout)
            let body = try await response.body.collect(upTo: maximumBodyBytes)
            var headers: [String: String] = [:]
            for header in response.headers { headers[header.name.lowercased()] = header.value }
            return UpstreamResponse(
                source: source, endpoint: endpoint, status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView),
                fetchedAt: now)
        } catch let error as CancellationError {
            throw error
        } catch {
            throw CollectorError(.unreachable, source: source, endpoint: endpoint, message: "\(error)")
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: Character) -> String {
        var text = self
        while text.last == suffix { text.removeLast() }
        return text
    }
}
