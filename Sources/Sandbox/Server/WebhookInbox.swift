import Essentials
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// `POST /sandbox/v1/webhooks/{inbox}`: an endpoint to point a platform webhook at (`POST /api/v1/alerts/webhook` in
/// `aips dev`, and the delivery tests), which keeps what it accepted; `GET` on the same path lists it. Faults injected
/// on the path are answered instead, and a delivery answered with one is not kept, as a failing receiver keeps nothing.
public final class WebhookInbox: Sendable {
    /// One POST the inbox accepted.
    public struct Delivery: Sendable, Encodable {
        public let inbox: String
        /// The `AIPS-Signature` header, if sent.
        public let signature: String?
        public let contentType: String?
        public let body: Data
        public let receivedAt: Date
    }

    private let deliveries = Mutex<[Delivery]>([])

    init() {}

    /// What inbox `name` accepted, oldest first.
    public func received(_ name: String) -> [Delivery] {
        deliveries.withLock { $0.filter { $0.inbox == name } }
    }

    func register(on router: Router<BasicRequestContext>, json: JSONResponse) {
        router.post("/sandbox/v1/webhooks/:inbox") { request, context in
            let inbox = context.parameters.get("inbox") ?? ""
            let body = try await request.body.collect(upTo: 1 << 20)
            let response = try json.make(.ok, ["received": true], path: request.uri.path)
            if (200..<300).contains(response.status.code) {
                let delivery = Delivery(
                    inbox: inbox, signature: request.headers[HTTPField.Name(WebhookSignature.header)!],
                    contentType: request.headers[.contentType], body: Data(body.readableBytesView), receivedAt: Date())
                self.deliveries.withLock { $0.append(delivery) }
            }
            return response
        }
        router.get("/sandbox/v1/webhooks/:inbox") { request, context in
            let inbox = context.parameters.get("inbox") ?? ""
            let listed = self.received(inbox).map { delivery in
                Listed(signature: delivery.signature, body: String(decoding: delivery.body, as: UTF8.self), received_at: delivery.receivedAt)
            }
            return try json.make(.ok, listed, path: request.uri.path)
        }
    }

    /// A delivery as `GET` lists it: the body as text.
    private struct Listed: Encodable {
        let signature: String?
        let body: String
        let received_at: Date
    }
}
