import Essentials
import Foundation
@testable import Jobs
import Postgres
import Sandbox
import Store
import TestSupport
import Testing

/// `alerts.deliver` against a real PostgreSQL and a real HTTP endpoint (the sandbox's webhook inbox): each user's new
/// alerts in one signed POST, retried after a refusal, sent once, never those raised before the webhook was set.
@Suite struct AlertDeliveryTests {
    /// A pick of tier A on a new game of `sport`, made now.
    static func pick(_ store: Store, sport: String, model: Int, index: Int) async throws -> Int {
        let home = try await store.teams.upsert(Team(sport: sport, externalID: "\(sport)-home-\(index)", name: "Home \(index)"))
        let away = try await store.teams.upsert(Team(sport: sport, externalID: "\(sport)-away-\(index)", name: "Away \(index)"))
        let game = try await store.games.upsert(
            Game(sport: sport, externalID: "\(sport)-game-\(index)", homeTeamID: home, awayTeamID: away, scheduledAt: Date().addingTimeInterval(86_400)))
        var prediction = Prediction(
            gameID: game, modelID: model, sport: sport, betType: .moneyline, selection: "home", probability: 0.6, price: 2.0,
            edge: 0.1, tier: .a, stake: 0.01, pick: true, bookmaker: "book", predictionHash: "")
        prediction.predictionHash = PredictionFingerprint.hash(of: prediction)
        return try #require(try await store.predictions.insert(prediction))
    }

    /// The model the picks name.
    static func model(_ store: Store) async throws -> Int {
        try await store.models.register(
            RegisteredModel(
                name: "alerts_test", version: 1, sport: "nba", betType: .moneyline, publication: .gameDay, featureSetVersion: "v1",
                trainingStart: Date(timeIntervalSince1970: 0), trainingEnd: Date(), metrics: [:], artifact: Data([1])))
    }

    static func user(_ store: Store, _ email: String) async throws -> UUID {
        let user = try await store.users.create(User(email: email, passwordHash: "unused"))
        let id = try #require(user.id)
        guard case .added = try await store.alerts.add(AlertRule(userID: id, sport: nil, betType: nil, minimumTier: .d)) else {
            throw CancellationError()
        }
        return id
    }

    @Test func newAlertsArePostedSignedOnceAndRetriedAfterARefusal() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let model = try await Self.model(store)
        let alice = try await Self.user(store, "alice@example.com")
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            // Raised before the webhook: stays in the inbox only.
            _ = try await Self.pick(store, sport: "nba", model: model, index: 0)
            #expect(try await store.alerts.raiseForNewPicks() == 1)
            let inboxPath = "/sandbox/v1/webhooks/alice"
            let webhook = try await store.alerts.setWebhook(
                userID: alice, url: sandbox.baseURL + inboxPath, secret: try WebhookSignature.newSecret())
            let picks = [
                try await Self.pick(store, sport: "nba", model: model, index: 1),
                try await Self.pick(store, sport: "nba", model: model, index: 2),
            ]
            #expect(try await store.alerts.raiseForNewPicks() == 2)
            let deliverer = AlertDeliverer(store: store, secrets: nil, market: .simulated, allowingPrivateHosts: true)

            // The endpoint refuses once: nothing is kept, the failure shows on the webhook, the alerts wait.
            sandbox.faults.inject(.status(503), pathPrefix: inboxPath, times: 1)
            let refused = try await deliverer.run(DeliverAlerts(), logger: CollectTestSupport.logger)
            #expect(refused.webhooks == 1 && refused.failed == 2 && refused.delivered == 0)
            #expect(sandbox.webhooks.received("alice").isEmpty)
            let failing = try #require(try await store.alerts.webhook(userID: alice))
            #expect(failing.lastStatus == 503 && failing.consecutiveFailures == 1 && failing.lastError?.hasPrefix("HTTP 503") == true)

            // The next run within the minute's backoff leaves the webhook alone; once it has passed, both go in one POST,
            // signed with the webhook's secret.
            #expect(try await deliverer.run(DeliverAlerts(), logger: CollectTestSupport.logger) == AlertDeliveryRun())
            _ = try await store.query("UPDATE alert_webhooks SET last_attempt_at = last_attempt_at - interval '61 seconds'")
            let delivered = try await deliverer.run(DeliverAlerts(), logger: CollectTestSupport.logger)
            #expect(delivered.webhooks == 1 && delivered.delivered == 2 && delivered.failed == 0)
            let received = sandbox.webhooks.received("alice")
            #expect(received.count == 1)
            let delivery = try #require(received.first)
            let signature = try #require(delivery.signature)
            #expect(WebhookSignature.verify(signature, body: Array(delivery.body), secret: webhook.secret, now: Date()))
            #expect(!WebhookSignature.verify(signature, body: Array(delivery.body), secret: "whsec_wrong", now: Date()))
            #expect(delivery.contentType == "application/json")
            let body = try #require(try JSONSerialization.jsonObject(with: delivery.body) as? [String: Any])
            #expect(body["type"] as? String == "alerts.new")
            #expect(body["market"] as? String == "simulated", "the deployment's market, so a simulated pick is not read as a bet")
            let alerts = try #require(body["alerts"] as? [[String: Any]])
            let announced = alerts.compactMap { ($0["pick"] as? [String: Any])?["prediction_id"] as? Int }
            #expect(announced == picks, "oldest first, and not the alert raised before the webhook")
            let first = try #require(alerts.first)
            #expect((first["url"] as? String)?.hasPrefix("/api/v1/alerts/") == true)
            #expect((first["pick"] as? [String: Any])?["home_team"] as? String == "Home 1")
            let healthy = try #require(try await store.alerts.webhook(userID: alice))
            #expect(healthy.lastStatus == 200 && healthy.consecutiveFailures == 0 && healthy.lastError == nil)

            // Delivered alerts are not sent again.
            #expect(try await deliverer.run(DeliverAlerts(), logger: CollectTestSupport.logger) == AlertDeliveryRun())
            #expect(sandbox.webhooks.received("alice").count == 1)
        }
        await store.shutdown()
    }

    @Test func anUnreachableEndpointIsRecordedAndAClaimHoldsOffOtherRunsUntilItsLeaseEnds() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let model = try await Self.model(store)
        let bob = try await Self.user(store, "bob@example.com")
        // A port nothing listens on.
        let port = try TestServers.freePort()
        _ = try await store.alerts.setWebhook(userID: bob, url: "http://127.0.0.1:\(port)/hook", secret: try WebhookSignature.newSecret())
        _ = try await Self.pick(store, sport: "nba", model: model, index: 0)
        #expect(try await store.alerts.raiseForNewPicks() == 1)

        let run = try await AlertDeliverer(store: store, secrets: nil, allowingPrivateHosts: true)
            .run(DeliverAlerts(), logger: CollectTestSupport.logger)
        #expect(run.webhooks == 1 && run.failed == 1)
        let webhook = try #require(try await store.alerts.webhook(userID: bob))
        #expect(webhook.lastStatus == nil && webhook.lastError != nil && webhook.consecutiveFailures == 1 && webhook.lastAttemptAt != nil)

        // Backing off: one failure waits a minute, three in a row four.
        #expect(try await store.alerts.claimDeliveries(limit: 10).isEmpty)
        _ = try await store.query("UPDATE alert_webhooks SET consecutive_failures = 3, last_attempt_at = now() - interval '3 minutes'")
        #expect(try await store.alerts.claimDeliveries(limit: 10).isEmpty)
        _ = try await store.query("UPDATE alert_webhooks SET last_attempt_at = now() - interval '4 minutes'")

        // A run that claims and then dies holds the alert until its lease ends; then the next run takes it.
        #expect(try await store.alerts.claimDeliveries(limit: 10).count == 1)
        #expect(try await store.alerts.claimDeliveries(limit: 10).isEmpty)
        #expect(try await store.alerts.claimDeliveries(limit: 10, lease: 0).first?.alerts.count == 1)

        // Without a webhook nothing is claimed.
        #expect(try await store.alerts.deleteWebhook(userID: bob))
        #expect(try await store.alerts.claimDeliveries(limit: 10, lease: 0, backoff: 0).isEmpty)
        await store.shutdown()
    }

    /// Outside development a webhook is POSTed to only when its host is public: a URL stored before the API checked it,
    /// or a name that resolves to a private address, fails the delivery and says why.
    @Test func aPrivateDestinationIsNotPostedToOutsideDevelopment() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let model = try await Self.model(store)
        let carol = try await Self.user(store, "carol@example.com")
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let inbox = sandbox.baseURL + "/sandbox/v1/webhooks/carol"
            _ = try await store.alerts.setWebhook(userID: carol, url: inbox, secret: try WebhookSignature.newSecret())
            _ = try await Self.pick(store, sport: "nba", model: model, index: 0)
            #expect(try await store.alerts.raiseForNewPicks() == 1)

            let refused = try await AlertDeliverer(store: store, secrets: nil).run(DeliverAlerts(), logger: CollectTestSupport.logger)
            #expect(refused.webhooks == 1 && refused.failed == 1 && refused.delivered == 0)
            #expect(sandbox.webhooks.received("carol").isEmpty)
            let webhook = try #require(try await store.alerts.webhook(userID: carol))
            #expect(webhook.lastStatus == nil && webhook.lastError?.contains("private host") == true, "\(webhook.lastError ?? "")")

            // The same endpoint takes it from a development worker.
            _ = try await store.query("UPDATE alert_webhooks SET last_attempt_at = last_attempt_at - interval '61 seconds'")
            let delivered = try await AlertDeliverer(store: store, secrets: nil, allowingPrivateHosts: true)
                .run(DeliverAlerts(), logger: CollectTestSupport.logger)
            #expect(delivered.delivered == 1 && sandbox.webhooks.received("carol").count == 1)
            let body = try JSONSerialization.jsonObject(with: try #require(sandbox.webhooks.received("carol").first).body) as? [String: Any]
            #expect(body?["market"] as? String == "live", "a deliverer told nothing declares a live market")
        }
        await store.shutdown()
    }

    /// A delivery connects to the address its check resolved, not to what the HTTP client would resolve afterwards:
    /// were a DNS server to answer the check with a public address and the client with a private one (rebinding), the
    /// POST would still go where the check looked. Here the name resolves nowhere but through the check, to the
    /// sandbox's loopback address, so the POST arrives only if the connection went to the checked address.
    @Test func aDeliveryConnectsToTheAddressItsCheckResolved() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let model = try await Self.model(store)
        let erin = try await Self.user(store, "erin@example.com")
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            var url = try #require(URLComponents(string: sandbox.baseURL + "/sandbox/v1/webhooks/erin"))
            let address = try #require(url.host)
            url.host = "webhooks.invalid"
            let webhook = try await store.alerts.setWebhook(userID: erin, url: try #require(url.string), secret: try WebhookSignature.newSecret())
            _ = try await Self.pick(store, sport: "nba", model: model, index: 0)
            #expect(try await store.alerts.raiseForNewPicks() == 1)

            // The check takes loopback for public here: what is tested is where the connection goes.
            let destinations = WebhookDestinationCheck(
                allowingPrivateHosts: false, resolve: { host in host == "webhooks.invalid" ? [address] : [] }, isPrivate: { _ in false })
            #expect(await destinations.destination(for: webhook.url) == .pinned(host: "webhooks.invalid", address: address))
            let delivered = try await AlertDeliverer(store: store, secrets: nil, destinations: destinations)
                .run(DeliverAlerts(), logger: CollectTestSupport.logger)
            let recorded = try #require(try await store.alerts.webhook(userID: erin))
            #expect(delivered.delivered == 1 && delivered.failed == 0, "\(recorded.lastError ?? "")")
            #expect(sandbox.webhooks.received("erin").count == 1)
        }
        await store.shutdown()
    }

    /// A public name is resolved at delivery: one private address among its answers refuses it; otherwise the
    /// connection goes to the first of the addresses checked.
    @Test func aNameIsJudgedByEveryAddressItResolvesTo() async throws {
        let answers: [String: [String]] = [
            "hooks.example.org": ["93.184.216.34", "2606:2800:220:1::"], "rebound.example.org": ["93.184.216.34", "10.0.0.5"],
            "metadata.example.org": ["::ffff:169.254.169.254"],
        ]
        let check = WebhookDestinationCheck(allowingPrivateHosts: false) { host in
            guard let addresses = answers[host] else { throw HostResolutionError(host: host, reason: "Name or service not known") }
            return addresses
        }
        #expect(await check.destination(for: "https://hooks.example.org/aips") == .pinned(host: "hooks.example.org", address: "93.184.216.34"))
        #expect(
            await check.destination(for: "https://rebound.example.org/aips")
                == .refused("rebound.example.org resolves to a private address (10.0.0.5); not sent"))
        guard case .refused(let metadata) = await check.destination(for: "https://metadata.example.org/") else {
            Issue.record("a name resolving to the metadata address was not refused")
            return
        }
        #expect(metadata.contains("::ffff:169.254.169.254"))
        #expect(await check.destination(for: "https://127.0.0.1/") == .refused("127.0.0.1 is a private host; not sent"))
        #expect(
            await check.destination(for: "https://gone.example.org/") == .refused("gone.example.org does not resolve: Name or service not known"))
        let development = WebhookDestinationCheck(allowingPrivateHosts: true) { _ in ["10.0.0.5"] }
        #expect(await development.destination(for: "https://rebound.example.org/") == .unpinned)
    }

    /// A secret stored sealed (as the API stores it) signs only on a worker that holds its key. One without it sends
    /// nothing (no unsigned or wrongly signed POST) and fails its job, saying why, while the user's webhook shows
    /// nothing of it (the worker's configuration is not the endpoint's failure) and the alerts wait for a worker with
    /// the key, without a backoff.
    @Test func aSealedSecretSignsOnlyOnAWorkerWithItsKey() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let model = try await Self.model(store)
        let dave = try await Self.user(store, "dave@example.com")
        let keyring = try SecretKeyring(list: try SecretKeyring.makeKey())
        try await CollectTestSupport.sandbox().withRunning { sandbox in
            let secret = try WebhookSignature.newSecret()
            _ = try await store.alerts.setWebhook(
                userID: dave, url: sandbox.baseURL + "/sandbox/v1/webhooks/dave", secret: try keyring.seal(secret, for: .webhook))
            _ = try await Self.pick(store, sport: "nba", model: model, index: 0)
            #expect(try await store.alerts.raiseForNewPicks() == 1)

            let keyless = AlertDeliverer(store: store, secrets: nil, allowingPrivateHosts: true)
            do {
                let run = try await keyless.run(DeliverAlerts(), logger: CollectTestSupport.logger)
                Issue.record("a worker without the key ran clean: \(run)")
            } catch let error as AlertSigningError {
                #expect(error.run.unsigned == 1 && error.run.webhooks == 0 && error.run.failed == 0)
                #expect(error.description.contains("TOTP_ENCRYPTION_KEYS"), "\(error)")
            }
            #expect(sandbox.webhooks.received("dave").isEmpty)
            let untouched = try #require(try await store.alerts.webhook(userID: dave))
            #expect(untouched.lastError == nil && untouched.lastAttemptAt == nil && untouched.consecutiveFailures == 0)

            // At once, with no backoff: the alert was released, not failed.
            let keyed = try await AlertDeliverer(store: store, secrets: keyring, allowingPrivateHosts: true)
                .run(DeliverAlerts(), logger: CollectTestSupport.logger)
            #expect(keyed.delivered == 1)
            let delivery = try #require(sandbox.webhooks.received("dave").first)
            #expect(WebhookSignature.verify(try #require(delivery.signature), body: Array(delivery.body), secret: secret, now: Date()))

            // Re-sealing under a new key (`aips user reseal-totp`) replaces only the secret it read.
            let stored = try #require(try await store.alerts.webhookSecrets()[dave])
            let rotated = try SecretKeyring(list: try SecretKeyring.makeKey())
            let resealed = try rotated.seal(try keyring.open(stored, for: .webhook), for: .webhook)
            #expect(try await !store.alerts.replaceWebhookSecret(userID: dave, expected: "whsec_stale", with: resealed))
            #expect(try await store.alerts.replaceWebhookSecret(userID: dave, expected: stored, with: resealed))
            #expect(try rotated.open(try #require(try await store.alerts.webhookSecrets()[dave]), for: .webhook) == secret)
        }
        await store.shutdown()
    }
}
