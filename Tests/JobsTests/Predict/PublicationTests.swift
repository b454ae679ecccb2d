import Foundation
import Logging
import Synchronization
import ML
import Store
import Testing

@testable import Jobs

/// `predict` publishes a game at market open and again at the game-day hour, each an immutable row with the
/// price and time it was published at; settlement measures the open pick's CLV against the close that followed.
@Suite struct PublicationTests {
    /// 2026-03-02T00:00:00Z: 19:00 EST on 2026-03-01; its game-day publication falls at 15:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_772_409_600)
    static let logger = Logger(label: "publication-test")
    static let version = "publication-test"

    /// A moneyline champion of `publication` that gives the home side `probability` whatever the features say, registered
    /// with `metrics`.
    static func champion(
        _ store: Store, probability: Double, publication: PredictionPublication = .gameDay, metrics: [String: Double] = [:]
    ) async throws -> Int {
        let design = LinearDesign(fitting: Dataset(columns: [[0, 1]], names: ["x"]))
        let model = GeneralizedLinearModel(
            family: .binomial, design: design, coefficients: [0], intercept: log(probability / (1 - probability)))
        let archive = try ModelArchive(model: .generalizedLinear(model), featureNames: ["x"], featureKinds: [.numerical]).encoded()
        let id = try await store.models.register(
            RegisteredModel(
                name: ModelKind.meta.modelName(sport: "nba", betType: .moneyline, publication: publication), version: 1, sport: "nba",
                betType: .moneyline, publication: publication, featureSetVersion: version,
                trainingStart: start.addingTimeInterval(-86_400 * 365), trainingEnd: start.addingTimeInterval(-86_400 * 2),
                metrics: metrics, artifact: Data(archive)))
        try #require(try await store.models.promote(id: id))
        return id
    }

    /// Fresh features for `game` and both moneyline sides at two books (`pinnacle` and `soft`), as of `at`.
    static func market(_ store: Store, game: Int, at: Date, pinnacle: (home: Double, away: Double), soft: (home: Double, away: Double))
        async throws
    {
        try await store.gameFeatures.upsert(
            GameFeatureSet(gameID: game, featureSetVersion: version, asOf: at.addingTimeInterval(-60), features: ["x": 1], completeness: 1))
        var snapshots: [OddsSnapshot] = []
        for (book, prices) in [("pinnacle", pinnacle), ("soft", soft)] {
            for (outcome, price) in [("home", prices.home), ("away", prices.away)] {
                snapshots.append(
                    OddsSnapshot(
                        gameID: game, sport: "nba", bookmaker: book, market: "h2h", outcome: outcome, price: price,
                        recordedAt: at.addingTimeInterval(-120)))
            }
        }
        _ = try await store.odds.insert(snapshots)
    }

    @Test func openAndGameDayAreTwoImmutablePublicationsAndCLVFollowsTheClose() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let home = try await store.teams.upsert(Team(sport: "nba", externalID: "pub-home", name: "Pub Home"))
        let away = try await store.teams.upsert(Team(sport: "nba", externalID: "pub-away", name: "Pub Away"))
        let game = try await store.games.upsert(
            Game(sport: "nba", externalID: "pub", homeTeamID: home, awayTeamID: away, scheduledAt: Self.start))
        _ = try await Self.champion(store, probability: 0.55)
        let clock = TestClock(Self.start.addingTimeInterval(-26 * 3_600))
        let predictor = Predictor(store: store, now: { clock.now })
        func run() async throws -> PredictionRun {
            try await predictor.run(sport: "nba", horizon: Predict.defaultHorizonHours * 3_600, logger: Self.logger)
        }

        // Before any book prices the game, nothing is published.
        try await store.gameFeatures.upsert(
            GameFeatureSet(gameID: game, featureSetVersion: Self.version, asOf: clock.now.addingTimeInterval(-60), features: ["x": 1], completeness: 1))
        #expect(try await run().predictions == 0)

        // The market opens (22:00 UTC the day before): home 2.20 at the soft book is 9.5 points of edge for 55 %.
        clock.now = clock.now.addingTimeInterval(3_600)
        try await Self.market(store, game: game, at: clock.now, pinnacle: (2.10, 1.80), soft: (2.20, 1.72))
        let openRun = try await run()
        #expect(openRun.predictions == 1 && openRun.picks == 1)
        let opened = try #require(try await store.predictions.pending(gameID: game).first)
        #expect(opened.publication == .open && opened.pick && opened.selection == "home")
        #expect(opened.price == 2.20 && opened.bookmaker == "soft" && opened.tier == .a && opened.stake > 0)
        #expect(opened.publishedAt == Date(timeIntervalSince1970: clock.now.timeIntervalSince1970.rounded(.down)))
        #expect(PredictionFingerprint.hash(of: opened) == opened.predictionHash && opened.hashVersion == 2)

        // Later runs the same evening, and on game day before 10:00 Eastern, publish nothing.
        clock.now = clock.now.addingTimeInterval(3_600)
        #expect(try await run().predictions == 0)
        clock.now = Self.start.addingTimeInterval(-10 * 3_600)  // 09:00 EST
        try await Self.market(store, game: game, at: clock.now, pinnacle: (1.95, 1.95), soft: (1.98, 1.90))
        #expect(try await run().alreadyPredicted == 1)

        // 11:00 Eastern: the market has moved to home 1.80, no side has an edge: a forecast, not a pick.
        clock.now = Self.start.addingTimeInterval(-8 * 3_600)
        try await Self.market(store, game: game, at: clock.now, pinnacle: (1.78, 2.15), soft: (1.80, 2.10))
        #expect(try await run().predictions == 1)
        var rows = try await store.predictions.pending(gameID: game)
        #expect(rows.count == 2)
        let gameDay = try #require(rows.first { $0.publication == .gameDay })
        #expect(!gameDay.pick && gameDay.stake == 0 && gameDay.selection == "home" && gameDay.probability == 0.55)
        #expect(gameDay.price == 1.80 && gameDay.publishedAt == clock.now)
        // The open row is exactly as published.
        #expect(rows.first { $0.publication == .open } == opened)
        clock.now = clock.now.addingTimeInterval(3_600)
        #expect(try await run().predictions == 0)
        rows = try await store.predictions.pending(gameID: game)
        #expect(rows.count == 2)

        // The close (pinnacle home 1.75 / away 2.20, soft home 1.80) and a home win.
        let captured = Self.start.addingTimeInterval(-60)
        try await store.closingLines.upsert([
            ClosingLine(gameID: game, bookmaker: "pinnacle", market: "h2h", outcome: "home", price: 1.75, capturedAt: captured),
            ClosingLine(gameID: game, bookmaker: "pinnacle", market: "h2h", outcome: "away", price: 2.20, capturedAt: captured),
            ClosingLine(gameID: game, bookmaker: "soft", market: "h2h", outcome: "home", price: 1.80, capturedAt: captured),
            ClosingLine(gameID: game, bookmaker: "soft", market: "h2h", outcome: "away", price: 2.05, capturedAt: captured),
        ])
        _ = try await store.games.updateResult(id: game, status: .final, homeScore: 101, awayScore: 99)
        let settledAt = Self.start.addingTimeInterval(4 * 3_600)
        _ = try await PredictionSettler(store: store, now: { settledAt }).settle(SettlePredictions(), jobID: "settle-1", logger: Self.logger)

        let pick = try #require(try await store.predictions.find(id: opened.id!))
        // Published at 2.20, closed at the median 1.775: the market moved toward the pick, CLV is positive.
        #expect(pick.closingPrice == 1.775)
        #expect(abs((pick.clv ?? 0) - (2.20 / 1.775 - 1)) < 1e-12)
        // Against the fair close: each book's closing home price less its margin, the median of the two. The margin
        // no longer counts as value, so the figure is smaller.
        let pinnacleFair = 1 / ((1 / 1.75) / (1 / 1.75 + 1 / 2.20))
        let softFair = 1 / ((1 / 1.80) / (1 / 1.80 + 1 / 2.05))
        let fairCLV = 2.20 / ((pinnacleFair + softFair) / 2) - 1
        #expect(abs((pick.fairCLV ?? 0) - fairCLV) < 1e-12 && fairCLV < pick.clv!)
        #expect(abs((pick.profit ?? 0) - opened.stake * 1.2) < 1e-12)
        // Pinnacle's no-vig home probability went from 46.2 % at publication to 55.7 % at close: toward the pick.
        #expect(pick.sharpAgreement == true)
        let forecast = try #require(try await store.predictions.find(id: gameDay.id!))
        #expect(forecast.result == .win && forecast.profit == 0 && forecast.clv == nil && forecast.sharpAgreement == nil)

        let rowsByGroup = try await store.predictions.performance(sport: "nba", from: Self.start.addingTimeInterval(-86_400), to: settledAt)
        let all = try #require(rowsByGroup.first)
        #expect(all.betType == nil && all.tier == nil && all.settled == 1 && all.wins == 1 && all.sharpAgreement == 1)
        #expect(all.forecasts == 2)
        #expect(all.fairCLVCount == 1 && abs((all.meanFairCLV ?? 0) - fairCLV) < 1e-12)
        #expect(abs((all.logLoss ?? 0) - -log(0.55)) < 1e-12)
        await store.shutdown()
    }
}

extension PublicationTests {
    /// Each publication has its own champion: what the open can learn is not what an hour before the start can. A
    /// publication without one is made by the other's champion.
    @Test func eachPublicationIsMadeByItsOwnChampion() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let home = try await store.teams.upsert(Team(sport: "nba", externalID: "own-home", name: "Own Home"))
        let away = try await store.teams.upsert(Team(sport: "nba", externalID: "own-away", name: "Own Away"))
        var games: [Int] = []
        for (index, start) in [Self.start, Self.start.addingTimeInterval(86_400)].enumerated() {
            games.append(
                try await store.games.upsert(
                    Game(sport: "nba", externalID: "own-\(index)", homeTeamID: home, awayTeamID: away, scheduledAt: start)))
        }
        let gameDayChampion = try await Self.champion(store, probability: 0.55)
        let openChampion = try await Self.champion(store, probability: 0.60, publication: .open)
        // Promoting one publication's champion leaves the other's in place.
        #expect(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .gameDay)?.id == gameDayChampion)
        #expect(try await store.models.champion(sport: "nba", betType: .moneyline, publication: .open)?.id == openChampion)
        let clock = TestClock(Self.start.addingTimeInterval(-25 * 3_600))
        let predictor = Predictor(store: store, now: { clock.now })
        func run() async throws -> PredictionRun {
            try await predictor.run(sport: "nba", horizon: 48 * 3_600, logger: Self.logger)
        }

        // The first game's market opens: the open champion publishes it.
        try await Self.market(store, game: games[0], at: clock.now, pinnacle: (1.95, 1.95), soft: (1.98, 1.90))
        #expect(try await run().predictions == 1)
        let opened = try #require(try await store.predictions.pending(gameID: games[0]).first)
        #expect(opened.publication == .open && opened.modelID == openChampion && opened.probability == 0.60)

        // Game day: the game-day champion publishes it.
        clock.now = Self.start.addingTimeInterval(-8 * 3_600)
        try await Self.market(store, game: games[0], at: clock.now, pinnacle: (1.95, 1.95), soft: (1.98, 1.90))
        #expect(try await run().predictions == 1)
        let gameDay = try #require(try await store.predictions.pending(gameID: games[0]).first { $0.publication == .gameDay })
        #expect(gameDay.modelID == gameDayChampion && gameDay.probability == 0.55)

        // Without an open champion, the second game's open is published by the game-day champion rather than not at all.
        #expect(try await store.models.retire(id: openChampion))
        clock.now = clock.now.addingTimeInterval(3_600)
        try await Self.market(store, game: games[1], at: clock.now, pinnacle: (1.95, 1.95), soft: (1.98, 1.90))
        // The first game, already published at the open by the open champion, is not published again.
        #expect(try await run().predictions == 1)
        let fallback = try #require(try await store.predictions.pending(gameID: games[1]).first)
        #expect(fallback.publication == .open && fallback.modelID == gameDayChampion && fallback.probability == 0.55)
        await store.shutdown()
    }
}

/// A settable clock for a test.
final class TestClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date) { current = Mutex(start) }
    var now: Date {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }
}
