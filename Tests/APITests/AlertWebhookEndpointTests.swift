@testable import API
import Essentials
import Foundation
import HTTPTypes
import Store
import Testing

/// `/api/v1/alerts/webhook` over real HTTP on a real PostgreSQL: only https URLs (http on localhost), the signing
/// secret answered once and new on every set, and each user's webhook their own.
struct AlertWebhookEndpointTests {
    @Test func aUserSetsReadsReplacesAndDeletesTheirWebhook() async throws {
        let harness = try await APITestHarness.make()
        let alice = try await harness.user()
        let bob = try await harness.user(#function + "-bob")
        try await harness.run { client in
            let token = try await client.login(alice).access
            let bobToken = try await client.login(bob).access
            #expect(try await client.get("/api/v1/alerts/webhook", token: token).errorCode == "ALERT_WEBHOOK_NOT_FOUND")

            for url in [
                "http://example.com/hook", "ftp://example.com/hook", "http://127.0.0.1:9/hook", "https://localhost/hook",
                "https://10.0.0.8/hook", "https://[::1]/hook", "https://169.254.169.254/latest", "https://user:pw@example.com/hook", "https:///hook",
                "https://example.com/hook#part", "not a url", "https://example.com/" + String(repeating: "a", count: 2_048),
            ] {
                let bad = try await client.post("/api/v1/alerts/webhook", token: token, json: #"{"url":"\#(url)"}"#)
                #expect(bad.status == .badRequest && bad.json["error"]?["details"]?["field"]?.string == "url", "\(url): \(bad.text)")
            }

            let set = try await client.post("/api/v1/alerts/webhook", token: token, json: #"{"url":"https://example.com/aips"}"#)
            #expect(set.status == .ok, "\(set.text)")
            let secret = try #require(set.data?["secret"]?.string)
            #expect(secret.hasPrefix("whsec_") && set.data?["url"]?.string == "https://example.com/aips")
            #expect(set.data?["consecutive_failures"]?.int == 0)
            // Stored sealed: the database alone cannot sign a delivery.
            let aliceID = try #require(UUID(uuidString: alice.id))
            let stored = try #require(try await harness.store.alerts.webhook(userID: aliceID)?.secret)
            #expect(stored.hasPrefix(SecretKeyring.prefix) && !stored.contains(secret))
            #expect(try APITestHarness.totpKeyring.open(stored, for: .webhook) == secret)

            let read = try await client.get("/api/v1/alerts/webhook", token: token)
            #expect(read.status == .ok && read.data?["url"]?.string == "https://example.com/aips", "\(read.text)")
            #expect(read.data?["secret"] == nil, "the secret is shown once")
            #expect(try await client.get("/api/v1/alerts/webhook", token: bobToken).errorCode == "ALERT_WEBHOOK_NOT_FOUND")

            // Replacing it signs with a new secret.
            let moved = try await client.post("/api/v1/alerts/webhook", token: token, json: #"{"url":"https://hooks.example.org/x"}"#)
            #expect(moved.status == .ok, "\(moved.text)")
            #expect(moved.data?["secret"]?.string != secret && moved.data?["secret"]?.string?.hasPrefix("whsec_") == true)
            #expect(try await harness.store.alerts.webhook(userID: try #require(UUID(uuidString: alice.id)))?.url == "https://hooks.example.org/x")

            #expect(try await client.request(.delete, "/api/v1/alerts/webhook", token: bobToken).errorCode == "ALERT_WEBHOOK_NOT_FOUND")
            #expect(try await client.request(.delete, "/api/v1/alerts/webhook", token: token).status == .noContent)
            #expect(try await client.get("/api/v1/alerts/webhook", token: token).errorCode == "ALERT_WEBHOOK_NOT_FOUND")
            #expect(try await client.get("/api/v1/alerts/webhook").status == .unauthorized)
        }
    }

    /// Private hosts (`PrivateNetworks`) are refused unless allowed (`aips dev`), and then over http too.
    @Test func privateHostsOnlyWhereAllowed() throws {
        #expect(try AlertWebhookRequest(url: "http://127.0.0.1:8090/sandbox/v1/webhooks/me").validatedURL(allowingPrivateHosts: true) != "")
        #expect(throws: APIError.self) { try AlertWebhookRequest(url: "http://example.com/x").validatedURL(allowingPrivateHosts: true) }
        #expect(throws: APIError.self) { try AlertWebhookRequest(url: "http://127.0.0.1/x").validatedURL(allowingPrivateHosts: false) }
        #expect(throws: APIError.self) { try AlertWebhookRequest(url: "https://[::1]/x").validatedURL(allowingPrivateHosts: false) }
        #expect(throws: APIError.self) { try AlertWebhookRequest(url: "https://db.internal/x").validatedURL(allowingPrivateHosts: false) }
    }
}
