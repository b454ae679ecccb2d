import Foundation
import Postgres
import Store
import Testing

/// Published predictions as commitments: a hash chain per sport, in publication order, on a real PostgreSQL.
@Suite struct PredictionChainTests {
    /// A published spread pick on `game`, hashed.
    static func publication(game: Int, model: Int, sport: String = "nba", at date: Date) -> Prediction {
        var prediction = Prediction(
            gameID: game, modelID: model, sport: sport, betType: .spread, selection: "home", line: -3.5, probability: 0.58,
            price: 1.91, edge: 0.056, tier: .b, stake: 0.01, pick: true, bookmaker: "book", publication: .open, publishedAt: date,
            hashVersion: PredictionFingerprint.currentVersion, predictionHash: "")
        prediction.predictionHash = PredictionFingerprint.hash(of: prediction)
        return prediction
    }

    /// `count` nba publications an hour apart on games of their own (and one nfl publication); returns the nba ids in order.
    static func publish(_ count: Int, in store: Store) async throws -> [Int] {
        let model = try await Fixtures.model(in: store)
        var ids: [Int] = []
        for index in 0..<count {
            let game = try await Fixtures.game(in: store, externalID: "chain-\(index)")
            let at = Fixtures.start.addingTimeInterval(Double(index) * 3_600)
            ids.append(try #require(try await store.predictions.insert(publication(game: game, model: model, at: at))))
        }
        let nfl = try await Fixtures.game(in: store, sport: "nfl", externalID: "chain-nfl")
        try #require(try await store.predictions.insert(publication(game: nfl, model: model, sport: "nfl", at: Fixtures.start)) != nil)
        return ids
    }

    /// Runs `statement` behind the repository's back, then verifies the nba chain.
    static func verifyChain(after statement: PostgresQuery, in store: Store) async throws -> PredictionChainReport {
        _ = try await store.query(statement)
        return try await store.predictions.verifyChain(sport: "nba")
    }

    @Test func publicationsFormOneChainPerSportThatVerifies() async throws {
        let store = try await Fixtures.store()
        let ids = try await Self.publish(5, in: store)
        let entries = try await store.predictions.chain(sport: "nba")
        #expect(entries.map(\.prediction.id) == ids)
        #expect(entries.map(\.position) == [1, 2, 3, 4, 5])
        #expect(entries[0].link == PredictionChain.link(previous: PredictionChain.genesis, publishedAt: Fixtures.start, predictionHash: entries[0].prediction.predictionHash))
        let report = try await store.predictions.verifyChain(sport: "nba")
        #expect(report.intact && report.length == 5 && report.verifiedThrough == 5 && report.head == entries[4].link)
        let nfl = try await store.predictions.verifyChain(sport: "nfl")
        #expect(nfl.intact && nfl.length == 1)
        await store.shutdown()
    }

    @Test func anEditIsCaughtAtTheRowAndARewrittenHashAtTheNextLink() async throws {
        let store = try await Fixtures.store()
        let ids = try await Self.publish(5, in: store)
        let afterEdit = try await Self.verifyChain(after: "UPDATE predictions SET edge = 0.25 WHERE id = \(ids[2])", in: store)
        #expect(afterEdit.firstBreak == PredictionChainBreak(position: 3, predictionID: ids[2], reason: .contentChanged))

        // The content hash rewritten to match the edit: the row's link no longer follows.
        var edited = try #require(try await store.predictions.find(id: ids[2]))
        let rehashed = PredictionFingerprint.hash(of: edited)
        let afterRehash = try await Self.verifyChain(
            after: "UPDATE predictions SET prediction_hash = \(rehashed) WHERE id = \(ids[2])", in: store)
        #expect(afterRehash.firstBreak == PredictionChainBreak(position: 3, predictionID: ids[2], reason: .linkChanged))

        // The link rewritten too: the next row's link no longer follows.
        edited.predictionHash = rehashed
        let previous = try await store.predictions.chain(sport: "nba")[1].link!
        let relinked = PredictionChain.link(previous: previous, publishedAt: edited.publishedAt!, predictionHash: rehashed)
        let report = try await Self.verifyChain(after: "UPDATE predictions SET chain_hash = \(relinked) WHERE id = \(ids[2])", in: store)
        #expect(report.firstBreak == PredictionChainBreak(position: 4, predictionID: ids[3], reason: .linkChanged))
        #expect(report.verifiedThrough == 3)
        await store.shutdown()
    }

    @Test func aDeletedRowLeavesAGap() async throws {
        let store = try await Fixtures.store()
        let ids = try await Self.publish(5, in: store)
        let report = try await Self.verifyChain(after: "DELETE FROM predictions WHERE id = \(ids[2])", in: store)
        #expect(report.firstBreak == PredictionChainBreak(position: 4, predictionID: ids[3], reason: .positionMissing))
        #expect(report.verifiedThrough == 2)
        await store.shutdown()
    }

    @Test func aBackDatedInsertIsCaughtInsideOrOutsideTheChain() async throws {
        let store = try await Fixtures.store()
        _ = try await Self.publish(5, in: store)
        let model = try await Fixtures.model(in: store, version: 2)
        let game = try await Fixtures.game(in: store, externalID: "back-dated")
        // Claims to have been published between the first two, with a genuine content hash.
        let forged = Self.publication(game: game, model: model, at: Fixtures.start.addingTimeInterval(1_800))
        func insert(position: Int?, link: String?) async throws -> Int {
            let p = forged
            let row = try #require(
                try await store.query(
                    """
                    INSERT INTO predictions (game_id, model_id, sport, bet_type, selection, line, probability, price, edge, tier, stake,
                                             pick, bookmaker, publication, published_at, hash_version, prediction_hash, chain_position, chain_hash)
                    VALUES (\(p.gameID), \(p.modelID), \(p.sport), \(p.betType), \(p.selection), \(p.line), \(p.probability), \(p.price),
                            \(p.edge), \(p.tier), \(p.stake), \(p.pick), \(p.bookmaker), \(p.publication), \(p.publishedAt),
                            \(p.hashVersion), \(p.predictionHash), \(position), \(link))
                    RETURNING id
                    """
                ).first)
            return try row.decode(Int.self, "id")
        }
        // Behind the chain's back.
        let outside = try await insert(position: nil, link: nil)
        #expect(try await store.predictions.verifyChain(sport: "nba").firstBreak == PredictionChainBreak(position: nil, predictionID: outside, reason: .outsideChain))
        #expect(try await Self.verifyChain(after: "DELETE FROM predictions WHERE id = \(outside)", in: store).intact)

        // Appended at the head with a correct link: it was published before the row ahead of it.
        let head = try await store.predictions.chain(sport: "nba")[4].link!
        let appended = try await insert(
            position: 6, link: PredictionChain.link(previous: head, publishedAt: forged.publishedAt!, predictionHash: forged.predictionHash))
        #expect(
            try await store.predictions.verifyChain(sport: "nba").firstBreak
                == PredictionChainBreak(position: 6, predictionID: appended, reason: .publishedOutOfOrder))
        await store.shutdown()
    }

    @Test func concurrentPublishesKeepOneChain() async throws {
        let store = try await Fixtures.store()
        let model = try await Fixtures.model(in: store)
        var created: [Int] = []
        for index in 0..<20 { created.append(try await Fixtures.game(in: store, externalID: "race-\(index)")) }
        let games = created
        // Two runs publishing at once, each an hour of publications, interleaved on the store's four connections.
        try await withThrowingTaskGroup(of: Void.self) { runs in
            for run in 0..<2 {
                runs.addTask {
                    for index in stride(from: run, to: games.count, by: 2) {
                        let at = Fixtures.start.addingTimeInterval(Double(index) * 60)
                        _ = try await store.predictions.insert(Self.publication(game: games[index], model: model, at: at))
                    }
                }
            }
            try await runs.waitForAll()
        }
        let report = try await store.predictions.verifyChain(sport: "nba")
        #expect(report.intact, "\(String(describing: report.firstBreak))")
        #expect(report.length == 20 && report.verifiedThrough == 20)
        await store.shutdown()
    }

    @Test func aRunFinishingAfterALaterOneIsPublishedAtTheHeadsTime() async throws {
        let store = try await Fixtures.store()
        let model = try await Fixtures.model(in: store)
        let first = try await Fixtures.game(in: store, externalID: "late-1")
        let second = try await Fixtures.game(in: store, externalID: "late-2")
        let later = Fixtures.start.addingTimeInterval(60)
        _ = try #require(try await store.predictions.insert(Self.publication(game: first, model: model, at: later)))
        let late = try #require(try await store.predictions.insert(Self.publication(game: second, model: model, at: Fixtures.start)))
        let stored = try #require(try await store.predictions.find(id: late))
        #expect(stored.publishedAt == later)
        #expect(stored.predictionHash == PredictionFingerprint.hash(of: stored))
        #expect(try await store.predictions.verifyChain(sport: "nba").intact)
        await store.shutdown()
    }

    @Test func theMigrationChainsEarlierPublicationsInPublicationOrder() async throws {
        // Everything before the chain (17 is whichever migration precedes it).
        let (pool, migrator, store) = try await Fixtures.migrated(upTo: 17)
        let model = try await Fixtures.legacyModel(in: pool)
        var ids: [Int] = []
        // Stored out of publication order, one at a fraction of a second (rows from before picks were published when created).
        for (index, offset) in [7_200.25, 0, 3_600].enumerated() {
            let game = try await Fixtures.game(in: store, externalID: "old-\(index)")
            let p = Self.publication(game: game, model: model, at: Fixtures.start.addingTimeInterval(offset))
            let row = try #require(
                try await pool.query(
                    """
                    INSERT INTO predictions (game_id, model_id, sport, bet_type, selection, line, probability, price, edge, tier, stake,
                                             pick, bookmaker, publication, published_at, hash_version, prediction_hash)
                    VALUES (\(p.gameID), \(p.modelID), \(p.sport), \(p.betType), \(p.selection), \(p.line), \(p.probability), \(p.price),
                            \(p.edge), \(p.tier), \(p.stake), \(p.pick), \(p.bookmaker), \(p.publication), \(p.publishedAt),
                            \(p.hashVersion), \(p.predictionHash))
                    RETURNING id
                    """
                ).first)
            ids.append(try row.decode(Int.self, "id"))
        }
        try await migrator.up()
        #expect(try await store.predictions.chain(sport: "nba").map(\.prediction.id) == [ids[1], ids[2], ids[0]])
        #expect(try await store.predictions.verifyChain(sport: "nba").intact)
        let game = try await Fixtures.game(in: store, externalID: "new")
        _ = try await store.predictions.insert(Self.publication(game: game, model: model, at: Fixtures.start.addingTimeInterval(10_800)))
        let report = try await store.predictions.verifyChain(sport: "nba")
        #expect(report.intact && report.verifiedThrough == 4)
        await store.shutdown()
        await pool.shutdown()
    }
}
