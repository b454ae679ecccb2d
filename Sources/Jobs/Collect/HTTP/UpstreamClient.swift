import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// GETs upstream URLs with AsyncHTTPClient: a timeout per request, a cap on body size, transport failures
/// turned into `CollectorError(.unreachable)`, and a momentary frequency limit (429) waited out for every source
/// alike (`RateLimitWait`).
public struct UpstreamClient: Sendable {
    private let http: HTTPClient
    private let timeout: TimeAmount
    private let maximumBodyBytes: Int
    private let rateLimitWait: RateLimitWait

    /// A client on `http` (default the shared client); `timeout` per request, bodies up to `maximumBodyBytes`, a
    /// 429 sent again as `rateLimitWait` says.
    public init(
        http: HTTPClient = .shared, timeout: Duration = .seconds(30), maximumBodyBytes: Int = 64 << 20,
        rateLimitWait: RateLimitWait = RateLimitWait()
    ) {
        self.http = http
        self.timeout = .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        self.maximumBodyBytes = maximumBodyBytes
        self.rateLimitWait = rateLimitWait
    }

    /// Fetches `baseURL + path` with `query`; `redacted` names query items left out of the recorded endpoint. A 429
    /// is sent again as `rateLimitWait` (default the client's) allows; the last answer is returned whatever its
    /// status, for the source's client to map.
    func get(
        source: String, baseURL: String, path: String, query: [(String, String)], redacted: Set<String> = [], now: Date,
        rateLimitWait: RateLimitWait? = nil
    ) async throws -> UpstreamResponse {
        let wait = rateLimitWait ?? self.rateLimitWait
        var retry = 0
        while true {
            let response = try await fetch(source: source, baseURL: baseURL, path: path, query: query, redacted: redacted, now: now)
            guard response.status == 429,
                let delay = wait.delay(retry: retry, retryAfter: response.headers["retry-after"], now: Date())
            else { return response }
            try await Task.sleep(for: delay)
            retry += 1
        }
    }

    /// One request.
    private func fetch(
        source: String, baseURL: String, path: String, query: [(String, String)], redacted: Set<String>, now: Date
    ) async throws -> UpstreamResponse {
        func encode(_ items: [(String, String)]) -> String {
            var components = URLComponents()
            components.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
            return components.percentEncodedQuery.map { $0.isEmpty ? "" : "?" + $0 } ?? ""
        }
        let endpoint = path + encode(query.filter { !redacted.contains($0.0) })
        let url = baseURL.trimmingSuffix("/") + path + encode(query)
        do {
            // One deadline for the head and the whole body: an upstream that answers at once and then trickles
            // its body must not hold the job past its timeout.
            return try await withDeadline(source: source, endpoint: endpoint) {
                let response = try await http.execute(HTTPClientRequest(url: url), timeout: timeout)
                let body: ByteBuffer
                do {
                    body = try await response.body.collect(upTo: maximumBodyBytes)
                } catch is NIOTooManyBytesError {
                    throw CollectorError(
                        .invalidPayload, source: source, endpoint: endpoint, status: Int(response.status.code),
                        message: "the body is larger than \(maximumBodyBytes) bytes, the cap on any upstream answer")
                }
                var headers: [String: String] = [:]
                for header in response.headers { headers[header.name.lowercased()] = header.value }
                return UpstreamResponse(
                    source: source, endpoint: endpoint, status: Int(response.status.code), headers: headers,
                    body: Data(body.readableBytesView), fetchedAt: now)
            }
        } catch let error as CancellationError {
            throw error
        } catch let error as CollectorError {
            throw error
        } catch {
            throw CollectorError(.unreachable, source: source, endpoint: endpoint, message: "\(error)")
        }
    }

    /// Runs `fetch`, cancelling it when the request's timeout passes first.
    private func withDeadline(
        source: String, endpoint: String, _ fetch: @escaping @Sendable () async throws -> UpstreamResponse
    ) async throws -> UpstreamResponse {
        let timeout = Duration.nanoseconds(self.timeout.nanoseconds)
        return try await withThrowingTaskGroup(of: UpstreamResponse?.self) { group in
            group.addTask { try await fetch() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw CollectorError(.unreachable, source: source, endpoint: endpoint, message: "no complete answer within \(timeout)")
            }
            return response
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
