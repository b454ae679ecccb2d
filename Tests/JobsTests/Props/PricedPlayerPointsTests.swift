import Foundation
import Jobs
import Logging
import Postgres
import Store
import TestSupport
import Testing

/// NBA player-points props against a real PostgreSQL, as `PricedPropTests` for batter hits: `predict.player_points`
/// predicts each priced line of tonight's players from their stored box scores, anchored on the market (no picks
/// until the model has shown skill), publishes the side the pick policy selects when trusted, and `settle` grades
/// from the stored box score — paying picks at their price, voiding a player who did not play.
@Suite struct PricedPlayerPointsTests {
    /// 2026-01-15 12:00 UTC: the job's clock.
    static let now = Date(timeIntervalSince1970: 1_768_478_400)
    static let logger = Logger(label: "player-points-test")
    static let pastDays = 45
    /// Each rotation slot's typical points.
    static let base = [28, 22, 18, 14, 11, 8, 6, 4]

    /// Players 1…8 of team index `team` (0, 1, 2).
    static func players(_ team: Int) -> [Int] { (1...8).map { 10_000 * (team + 1) + $0 } }

    /// The points of `player` (slot `slot`) in the game of `day`: his slot's typical points and a fixed swing; `nil`
    /// when he sat out (the eighth man every ninth day).
    static func points(player: Int, slot: Int, day: Int) -> Int? {
        if slot == 7 && day % 9 == 0 { return nil }
        return max(0, base[slot] + (day * 7 + player) % 7 - 3)
    }

    /// Box-score lines of both teams of a game.
    static func lines(gameID: Int, start: Date, teams: [(teamID: Int, index: Int)], day: Int) -> [PlayerGamePoints] {
        teams.flatMap { team in
            players(team.index).enumerated().map { slot, player in
                let scored = points(player: player, slot: slot, day: day)
                return PlayerGamePoints(
                    gameID: gameID, scheduledAt: start, playerID: player, playerName: "Player \(player)", teamID: team.teamID,
                    didNotPlay: scored == nil, minutes: scored.map { 10 + $0 }, points: scored)
            }
        }
    }

    @Test func pricedLinesAreAnchoredPickedWhenTrustedAndGradedFromTheBoxScore() async throws {
        let store = try await CollectTestSupport.migratedStore()
        let season = try await PropSeason.seed(
            store, sport: "nba", prefix: "points", now: Self.now, pastDays: Self.pastDays, score: (110, 100)
        ) {
            gameID, start, day, home, away in
            try await store.playerPoints.insert(
                Self.lines(gameID: gameID, start: start, teams: [(home.id, home.index), (away.id, away.index)], day: day))
        }
        let (teams, gameID, tonight) = (season.teams, season.gameID, season.tonight)

        // An Over far too long for a 28-point scorer at 15.5, an Under far too long for an 8-point scorer at 20.5, a wide
        // pair at a scorer's mean, a line priced on the Over only, a price after the as-of, a name no box score gave.
        let (overPlayer, underPlayer, fairPlayer, oneSided, late) = (
            Self.players(0)[0], Self.players(1)[5], Self.players(0)[2], Self.players(1)[1], Self.players(1)[3]
        )
        let before = Self.now.addingTimeInterval(-3_600)
        func price(_ player: Int, _ book: String, _ outcome: String, _ point: Double, _ price: Double, at: Date = before) -> PropPrice {
            PropPrice(
                gameID: gameID, bookmaker: book, market: "player_points", playerName: "Player \(player)", outcome: outcome, point: point,
                price: price, recordedAt: at)
        }
        try await store.propOdds.insert([
            price(overPlayer, "draftkings", "over", 15.5, 6.0),
            price(overPlayer, "fanduel", "over", 15.5, 9.0),
            price(overPlayer, "fanduel", "under", 15.5, 1.05),
            price(underPlayer, "betmgm", "over", 20.5, 1.02),
            price(underPlayer, "betmgm", "under", 20.5, 15.0),
            price(fairPlayer, "draftkings", "over", 17.5, 1.05),
            price(fairPlayer, "draftkings", "under", 17.5, 1.05),
            price(oneSided, "draftkings", "over", 21.5, 1.9),
            price(late, "draftkings", "over", 13.5, 50.0, at: Self.now.addingTimeInterval(60)),
            PropPrice(
                gameID: gameID, bookmaker: "draftkings", market: "player_points", playerName: "Nobody Known", outcome: "over", point: 9.5,
                price: 50.0, recordedAt: before),
        ])

        // Unproven: the forecasts are the books' no-vig prices, which nothing beats after the margin.
        let unproven = try await PlayerPointsPredictor(store: store, now: { Self.now }).run(
            PredictPlayerPoints(), jobID: "points-unproven", logger: Self.logger)
        #expect(unproven.anchorWeight == 0 && unproven.anchorHistory == 0)
        #expect(unproven.predictions == 4 && unproven.priced == 4 && unproven.picks == 0)
        for prop in try await store.predictions.pending(gameID: gameID) {
            #expect(!prop.pick && prop.stake == 0 && prop.sport == "nba")
            guard let market = prop.componentProbabilities[PropComponent.marketOver] else { continue }
            let over = prop.selection.hasSuffix("points_over") ? prop.probability : 1 - prop.probability
            #expect(abs(over - market) < 1e-9)
        }
        _ = try await store.query("DELETE FROM predictions WHERE game_id = \(gameID)")

        // Trusted (weight 1): the model's own probabilities meet the prices.
        let run = try await PlayerPointsPredictor(store: store, now: { Self.now }, anchorWeight: 1).run(
            PredictPlayerPoints(), jobID: "points", logger: Self.logger)
        #expect(run.predictions == 4 && run.priced == 4 && run.picks == 2 && run.trainingExamples >= 200)
        let stored = try await store.predictions.pending(gameID: gameID)
        func prediction(_ player: Int) throws -> Prediction {
            try #require(stored.first { PlayerPointsProp(selection: $0.selection)?.playerID == player })
        }
        let over = try prediction(overPlayer)
        #expect(over.pick && over.selection == "player:\(overPlayer):points_over" && over.line == 15.5)
        #expect(over.price == 9.0 && over.bookmaker == "fanduel" && over.stake > 0)
        #expect(abs(over.edge - (over.probability - 1 / 9.0)) < 1e-12)
        let expectedPoints = try #require(over.componentProbabilities["expected_points"])
        #expect(expectedPoints > 20 && expectedPoints < 36)
        let under = try prediction(underPlayer)
        #expect(under.pick && under.selection == "player:\(underPlayer):points_under" && under.price == 15.0 && under.stake > 0)
        let fair = try prediction(fairPlayer)
        #expect(!fair.pick && fair.selection == "player:\(fairPlayer):points_over" && fair.price == 1.05 && fair.stake == 0)
        let single = try prediction(oneSided)
        #expect(!single.pick && single.price == 1.9 && single.componentProbabilities[PropComponent.marketOver] == nil)
        #expect(over.predictionHash == PredictionFingerprint.hash(of: over))

        // A later run finds every priced line done.
        let again = try await PlayerPointsPredictor(store: store, now: { Self.now }, anchorWeight: 1).run(
            PredictPlayerPoints(), jobID: "points-2", logger: Self.logger)
        #expect(again.predictions == 0 && again.alreadyPredicted == 4)

        // Settlement waits for the box score, then pays the picks at their price and voids the player who sat out.
        _ = try await store.games.updateResult(id: gameID, status: .final, homeScore: 101, awayScore: 99)
        let settler = PredictionSettler(store: store, now: { tonight.addingTimeInterval(5 * 3_600) })
        // Without a box score the game is not even a candidate: its props stay pending.
        let waiting = try await settler.settle(SettlePredictions(sport: "nba"), jobID: "settle-1", logger: Self.logger)
        #expect(!waiting.keys.contains("nba"))
        #expect(try await store.predictions.pending(gameID: gameID).count == 4)
        let box: [(Int, Int, Int?)] = [
            (overPlayer, teams[0], 30), (underPlayer, teams[1], 7), (fairPlayer, teams[0], 17), (oneSided, teams[1], nil),
        ]
        try await store.playerPoints.insert(
            box.map { player, team, points in
                PlayerGamePoints(
                    gameID: gameID, scheduledAt: tonight, playerID: player, playerName: "Player \(player)", teamID: team,
                    didNotPlay: points == nil, minutes: points.map { _ in 30 }, points: points)
            })
        let settled = try #require(try await settler.settle(SettlePredictions(sport: "nba"), jobID: "settle-2", logger: Self.logger)["nba"])
        #expect(settled.wins == 2 && settled.losses == 1 && settled.voids == 1)
        let graded = try await store.predictions.predictions(
            sport: "nba", from: Date(timeIntervalSince1970: 0), to: Date().addingTimeInterval(86_400)
        ).filter { $0.gameID == gameID }
        let paidOver = try #require(graded.first { $0.selection == over.selection })
        #expect(paidOver.result == .win && abs((paidOver.profit ?? .nan) - over.stake * 8.0) < 1e-9)
        let paidUnder = try #require(graded.first { $0.selection == under.selection })
        #expect(paidUnder.result == .win && abs((paidUnder.profit ?? .nan) - under.stake * 14.0) < 1e-9)
        let lost = try #require(graded.first { $0.selection == fair.selection })
        #expect(lost.result == .loss && lost.profit == 0)
        await store.shutdown()
    }

    @Test func selectionsRoundTripAndGradeAtTheLine() {
        let prop = PlayerPointsProp(playerID: 4_100_003, side: .under)
        #expect(prop.selection == "player:4100003:points_under" && PlayerPointsProp(selection: prop.selection) == prop)
        #expect(PlayerPointsProp(selection: "batter:1:hits_over") == nil && BatterHitsProp(selection: prop.selection) == nil)
        #expect(prop.result(points: 18, line: 18.5) == .win && prop.result(points: 19, line: 18.5) == .loss)
        #expect(PlayerPointsProp(playerID: 1).result(points: 19, line: 18.5) == .win)
        #expect(PlayerPointsProp(playerID: 1).result(points: 18, line: 18) == .push)
    }
}
