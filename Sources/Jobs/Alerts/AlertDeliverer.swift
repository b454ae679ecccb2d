import AsyncHTTPClient
import Essentials
import Foundation
import Logging
import Metrics
import NIOCore
import NIOHTTP1
import Store

/// Delivers users' new alerts to their webhooks: one signed POST per user and run (`WebhookSignature`), the alerts
/// marked delivered on a 2xx; otherwise left for the next run (every minute) and the failure shown on the webhook.
///
/// Delivery is at least once: an endpoint that took an alert but whose 2xx was lost gets it again, with the same id.
/// Alerts over a day old are no longer sent (a pick's game may have started); they stay in the inbox.
public struct AlertDeliverer: Sendable {
    /// How every delivery's client is set up. Redirects are not followed, so a webhook cannot send the platform's POST
    /// to an address the user could not set (the API takes only https URLs on public hosts outside development, and
    /// `WebhookDestinationCheck` resolves each host). Connecting gives up after 3 s: an endpoint that refuses
    /// connections would otherwise be retried until the request's timeout.
    static let configuration = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(3)))
    /// The client of deliveries the HTTP client resolves itself (development), created once for the process (so it
    /// needs no shutdown).
    static let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    /// Webhooks POSTed to at once.
    static let concurrentDeliveries = 8

    private let store: Store
    private let now: @Sendable () -> Date
    private let timeout: TimeAmount
    private let retryBackoff: Duration
    private let destinations: WebhookDestinationCheck
    private let secrets: SecretKeyring?
    private let market: MarketSource

    /// A deliverer reading `store`; `now` stamps the signatures (the real clock: receivers compare it with theirs);
    /// `timeout` bounds each POST; a failing webhook is tried again after `retryBackoff`, doubling with each failure
    /// in a row (`AlertRepository.claimDeliveries`). Unless `allowingPrivateHosts` (development), a webhook whose host
    /// is private or resolves to a private address is not POSTed to: the delivery fails, and says why. `secrets` opens
    /// the webhooks' sealed signing secrets (`TOTP_ENCRYPTION_KEYS`); without it only plaintext ones from before sealing
    /// can sign. Every body says `market`, where the picks' prices come from.
    public init(
        store: Store, secrets: SecretKeyring?, market: MarketSource = .live, now: @escaping @Sendable () -> Date = Date.init,
        timeout: Duration = .seconds(10), retryBackoff: Duration = .seconds(60), allowingPrivateHosts: Bool = false
    ) {
        self.init(
            store: store, secrets: secrets, market: market, now: now, timeout: timeout, retryBackoff: retryBackoff,
            destinations: WebhookDestinationCheck(allowingPrivateHosts: allowingPrivateHosts))
    }

    /// A deliverer that judges destinations with `destinations` (a test's resolver).
    init(
        store: Store, secrets: SecretKeyring?, market: MarketSource = .live, now: @escaping @Sendable () -> Date = Date.init,
        timeout: Duration = .seconds(10), retryBackoff: Duration = .seconds(60), destinations: WebhookDestinationCheck
    ) {
        self.store = store
        self.secrets = secrets
        self.market = market
        self.destinations = destinations
        self.now = now
        self.timeout = .milliseconds(Int64(timeout / .milliseconds(1)))
        self.retryBackoff = retryBackoff
    }

    /// Claims up to `parameters.limit` alerts and POSTs each user's to their webhook, `concurrentDeliveries` at once.
    public func run(_ parameters: DeliverAlerts, logger: Logger) async throws -> AlertDeliveryRun {
        let deliveries = try await store.alerts.claimDeliveries(
            limit: parameters.limit ?? 1_000, backoff: retryBackoff / .seconds(1))
        var run = AlertDeliveryRun()
        var cannotSign: SecretKeyError?
        try await withThrowingTaskGroup(of: (count: Int, outcome: Outcome).self) { group in
            var pending = deliveries[...]
            func startNext() {
                guard let delivery = pending.popFirst() else { return }
                group.addTask { (delivery.alerts.count, try await deliver(delivery, logger: logger)) }
            }
            for _ in 0..<Self.concurrentDeliveries { startNext() }
            while let (count, outcome) = try await group.next() {
                switch outcome {
                case .delivered:
                    run.webhooks += 1
                    run.delivered += count
                case .failed:
                    run.webhooks += 1
                    run.failed += count
                case .unsigned(let error):
                    run.unsigned += count
                    cannotSign = error
                }
                startNext()
            }
        }
        for (outcome, count) in [("delivered", run.delivered), ("failed", run.failed), ("unsigned", run.unsigned)] {
            Counter(label: "aips_alert_webhook_deliveries_total", dimensions: [("outcome", outcome)]).increment(by: count)
        }
        if let cannotSign { throw AlertSigningError(run: run, reason: cannotSign) }
        return run
    }

    /// How one user's delivery went.
    private enum Outcome: Sendable {
        /// The endpoint took the alerts (a 2xx).
        case delivered
        /// The endpoint did not; recorded on the webhook.
        case failed
        /// This worker could not open the webhook's secret: nothing was sent or recorded.
        case unsigned(SecretKeyError)
    }

    /// POSTs one user's alerts and records how it went. A secret this worker cannot open is its configuration's fault,
    /// not the endpoint's: the alerts are released for a worker that holds the key, and the webhook's record (which its
    /// user reads) is left alone.
    private func deliver(_ delivery: AlertRepository.Delivery, logger: Logger) async throws -> Outcome {
        let ids = delivery.alerts.map(\.id)
        let secret: String
        do {
            secret = try SecretKeyring.open(delivery.webhook.secret, for: .webhook, keyring: secrets)
        } catch {
            try await store.alerts.releaseDeliveries(alertIDs: ids)
            logger.error(
                "cannot sign an alert webhook delivery; its alerts wait for a worker with the key",
                metadata: ["user_id": "\(delivery.webhook.userID)", "alerts": "\(ids.count)", "error": "\(error)"])
            return .unsigned(error)
        }
        let (status, error) = await post(AlertWebhookPayload(delivery.alerts, market: market), to: delivery.webhook, secret: secret)
        try await store.alerts.recordDelivery(userID: delivery.webhook.userID, alertIDs: ids, status: status, error: error)
        if let error {
            logger.warning(
                "alert webhook failed", metadata: ["user_id": "\(delivery.webhook.userID)", "alerts": "\(ids.count)", "error": "\(error)"])
        }
        return error == nil ? .delivered : .failed
    }

    /// POSTs `payload` to `webhook`, signed with `secret`: the status it answered, if any, and why it failed (nil on a
    /// 2xx).
    private func post(_ payload: AlertWebhookPayload, to webhook: AlertWebhook, secret: String) async -> (status: Int?, error: String?) {
        let destination = await destinations.destination(for: webhook.url)
        if case .refused(let refusal) = destination { return (nil, refusal) }
        do {
            let body = try payload.encoded()
            var request = HTTPClientRequest(url: webhook.url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "User-Agent", value: "aips-webhooks/1")
            request.headers.add(name: WebhookSignature.header, value: WebhookSignature.sign(body, secret: secret, at: now()))
            request.body = .bytes(ByteBuffer(bytes: body))
            return try await withClient(for: destination) { client in try await send(request, with: client) }
        } catch {
            return (nil, String(describing: error).prefix(300).description)
        }
    }

    /// Runs `body` with a client whose connections go to `destination`: for a pinned one, a client of its own that
    /// maps the host to the checked address (a mapping is the client's, not the request's), shut down afterwards. Its
    /// shutdown's error is not the delivery's: a 2xx's body is left unread, and shutting down cancels that request.
    private func withClient<Value: Sendable>(
        for destination: WebhookDestination, _ body: (HTTPClient) async throws -> Value
    ) async throws -> Value {
        guard case .pinned(let host, let address) = destination else { return try await body(Self.client) }
        var configuration = Self.configuration
        configuration.dnsOverride = [host: address]
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let result: Result<Value, any Error>
        do { result = .success(try await body(client)) } catch { result = .failure(error) }
        try? await client.shutdown()
        return try result.get()
    }

    /// Sends a delivery's POST: the status it answered and why it failed (nil on a 2xx).
    private func send(_ request: HTTPClientRequest, with client: HTTPClient) async throws -> (status: Int?, error: String?) {
        let response = try await client.execute(request, timeout: timeout)
        let status = Int(response.status.code)
        // A 2xx is all the platform reads of an acceptance: its body, however large, is not read.
        if (200..<300).contains(status) { return (status, nil) }
        // A refusal's first bytes explain it.
        var excerpt = ""
        for try await chunk in response.body {
            excerpt += String(decoding: chunk.readableBytesView.prefix(200 - excerpt.utf8.count), as: UTF8.self)
            if excerpt.utf8.count >= 200 { break }
        }
        return (status, "HTTP \(status): " + excerpt)
    }
}
