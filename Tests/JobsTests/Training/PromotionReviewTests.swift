import Foundation
import Postgres
import Store
import Testing

@testable import Jobs

/// The promotion decision of `calibrate` and the review that follows it (ML guide 2.7), on a real PostgreSQL: with
/// auto-approve off a model that passes becomes a pending request in shadow and the champion stays; an approval
/// promotes it through the same promotion as ever (the rollback triggers then still reinstate the old champion); a
/// rejection keeps the champion and logs the reason; with auto-approve on it is promoted at once, as before review.
@Suite struct PromotionReviewTests {
    static let start = Date(timeIntervalSince1970: 1_772_323_200)
    static let details = ["log_loss": 0.61, "auc": 0.66, "champion_log_loss": 0.64]

    /// A model of the NBA moneyline, registered as a challenger; its id.
    static func model(_ store: Store, version: Int, betType: BetType = .moneyline) async throws -> Int {
        try await store.models.register(
            RegisteredModel(
                name: "nba_\(betType.rawValue)_meta", version: version, sport: "nba", betType: betType,
                publication: .gameDay, featureSetVersion: FeatureCatalog.version,
                trainingStart: start.addingTimeInterval(-86_400 * 365), trainingEnd: start, metrics: ["accuracy": 0.60],
                artifact: Data([UInt8(version)])))
    }

    /// A champion and a challenger that passed every threshold and beat it, decided by a calibrator promoting as
    /// `promotion` says; their ids.
    static func decided(
        _ store: Store, _ promotion: PromotionConfiguration, passes: Bool = true
    ) async throws -> (champion: Int, challenger: Int) {
        let champion = try await model(store, version: 1)
        try await store.models.promote(id: champion)
        let challenger = try await model(store, version: 2)
        try await store.withTransaction(isolation: #isolation) { tx in
            try await ModelCalibrator(store: store, promotion: promotion).record(
                modelID: challenger, passes: passes, championID: champion, decision: "the calibrator's decision", details: details, in: tx)
        }
        return (champion, challenger)
    }

    @Test func aPassingChallengerWithoutAutoApproveWaitsInShadowAndTheChampionStays() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (champion, challenger) = try await Self.decided(store, .reviewed)
        #expect(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == champion)
        let shadow = try #require(try await store.models.find(id: challenger))
        #expect(shadow.status == .shadow && shadow.promotedAt == nil)
        // The next calibration of the market measures its candidate against this model too (`PromotionVerdict`).
        #expect(try await store.models.shadow(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == challenger)
        #expect(try await store.models.shadow(sport: "nba", betType: .spread, publication: .gameDay) == nil)
        let pending = try await store.promotionRequests.pending()
        #expect(pending.count == 1)
        let request = try #require(pending.first)
        #expect(request.modelID == challenger && request.championID == champion && request.status == .pending)
        #expect(request.metrics == Self.details && request.decidedAt == nil)
        let events = try await store.modelReports.events(modelID: challenger)
        #expect(events.map(\.kind) == [.promotionRequested] && events.first?.reason == "the calibrator's decision")
        await store.shutdown()
    }

    @Test func aPassingChallengerWithAutoApproveIsPromotedAsBefore() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (champion, challenger) = try await Self.decided(store, .automatic)
        let promoted = try #require(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay))
        #expect(promoted.id == challenger && promoted.promotedAt != nil)
        #expect(try await store.models.find(id: champion)?.status == .retired)
        #expect(try await store.promotionRequests.pending().isEmpty)
        #expect(try await store.promotionRequests.request(modelID: challenger) == nil)
        #expect(try await store.modelReports.events(modelID: challenger).map(\.kind) == [.promoted])
        await store.shutdown()
    }

    @Test func aModelPromotedWithoutReviewSupersedesAnOlderPendingRequest() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (champion, pending) = try await Self.decided(store, .reviewed)
        let newer = try await Self.model(store, version: 3)
        try await store.withTransaction(isolation: #isolation) { tx in
            try await ModelCalibrator(store: store, promotion: .automatic).record(
                modelID: newer, passes: true, championID: champion, decision: "promoted", details: [:], in: tx)
        }
        #expect(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == newer)
        #expect(try await store.promotionRequests.pending().isEmpty)
        #expect(try await store.promotionRequests.request(modelID: pending)?.status == .superseded)
        #expect(try await store.models.find(id: pending)?.status == .challenger)
        await store.shutdown()
    }

    @Test(arguments: [PromotionConfiguration.reviewed, .automatic])
    func aFailingChallengerStaysAChallengerEitherWay(promotion: PromotionConfiguration) async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (champion, challenger) = try await Self.decided(store, promotion, passes: false)
        #expect(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == champion)
        #expect(try await store.models.find(id: challenger)?.status == .challenger)
        #expect(try await store.promotionRequests.pending().isEmpty)
        #expect(try await store.modelReports.events(modelID: challenger).map(\.kind) == [.keptChallenger])
        await store.shutdown()
    }

    @Test func approvalPromotesAndTheRollbackTriggersStillReinstateTheOldChampion() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (champion, challenger) = try await Self.decided(store, .reviewed)
        let request = try #require(try await store.promotionRequests.pending().first)
        let admin = try await store.users.create(User(email: "ml-lead@example.com", passwordHash: "x", role: .admin)).id
        guard case .decided(let approved) = try await store.promotionRequests.approve(id: request.id, by: admin) else {
            Issue.record("not decided")
            return
        }
        #expect(approved.status == .approved && approved.decidedBy == admin && approved.decidedAt != nil)
        let promoted = try #require(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay))
        #expect(promoted.id == challenger && promoted.promotedAt != nil)
        #expect(try await store.models.find(id: champion)?.status == .retired)
        let event = try #require(try await store.modelReports.events(modelID: challenger).first)
        #expect(
            event.kind == .promoted && event.details["champion_id"] == Double(champion) && event.reason.contains("#\(request.id) approved"))
        // Decided once: a second approval or a rejection is refused, and nothing changes.
        #expect(try await store.promotionRequests.approve(id: request.id, by: admin) == .notPending(approved))
        #expect(try await store.promotionRequests.reject(id: request.id, reason: "late", by: admin) == .notPending(approved))
        #expect(try await store.promotionRequests.approve(id: request.id + 1_000, by: admin) == .notFound)

        // The post-promotion monitor watches the approved model: failing predictions roll it back.
        let summary = try #require(try await store.models.summary(id: challenger))
        let rolledBack = try await ModelMonitor(store: store).check(
            champion: summary, health: ChampionRunHealth(attempts: 100, failures: 5), logger: CollectTestSupport.logger)
        #expect(rolledBack == challenger)
        #expect(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == champion)
        await store.shutdown()
    }

    @Test func rejectionKeepsTheChampionAndLogsTheReason() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (champion, challenger) = try await Self.decided(store, .reviewed)
        let request = try #require(try await store.promotionRequests.pending().first)
        guard case .decided(let rejected) = try await store.promotionRequests.reject(id: request.id, reason: "worse in shadow", by: nil)
        else {
            Issue.record("not decided")
            return
        }
        #expect(rejected.status == .rejected && rejected.reason == "worse in shadow")
        #expect(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == champion)
        #expect(try await store.models.find(id: challenger)?.status == .challenger)
        let event = try #require(try await store.modelReports.events(modelID: challenger).first)
        #expect(event.kind == .rejected && event.reason.hasSuffix("worse in shadow"))
        #expect(try await store.promotionRequests.pending().isEmpty)
        await store.shutdown()
    }

    @Test func aNewerRequestSupersedesThePendingOneOfItsMarketOnly() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let (_, first) = try await Self.decided(store, .reviewed)
        let total = try await Self.model(store, version: 1, betType: .total)
        try await store.promotionRequests.open(modelID: total, championID: nil, metrics: [:], reason: "first total")
        let second = try await Self.model(store, version: 3)
        try await store.promotionRequests.open(modelID: second, championID: nil, metrics: [:], reason: "newer")
        #expect(try await store.promotionRequests.pending().map(\.modelID) == [total, second])
        #expect(try await store.promotionRequests.request(modelID: first)?.status == .superseded)
        #expect(try await store.models.find(id: first)?.status == .challenger)
        #expect(try await store.models.find(id: second)?.status == .shadow)
        #expect(try await store.models.find(id: total)?.status == .shadow)
        #expect(try await store.modelReports.events(modelID: first).first?.kind == .superseded)
        await store.shutdown()
    }
}
