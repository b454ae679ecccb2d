import Essentials
import Foundation
import Logging
import ML
import Store

/// Makes the player-points props of upcoming NBA games, as `PropPredictor` makes MLB batter-hits props (issue #17).
///
/// Regression: `PlayerPointsModel` fitted in the run on every player-game of the last `historyDays` whose box score
/// was known at the as-of (`collect.summaries` stores them), each with the player's form before it. Lines: the books
/// quote each player at his own half-point line, so only the lines priced by the as-of (`collect.prop_odds`, the
/// player found by the name the box scores give him) are predicted: P(points > line) from the expected points and the
/// model's spread. Each run's model is registered (`nba_player_points`, bet type `player_prop`, a challenger).
///
/// Pricing and picks are the batter-hits path's: the model's P(Over) is anchored on the books' no-vig price
/// (`PropMarketAnchor`, weight 0 until settled priced NBA props show the model beats the market), `PickSelector`
/// picks at most one side, and a priced prop without a pick is a forecast on the Over at its best price. A line with
/// only one side priced is a forecast, never a pick.
public struct PlayerPointsPredictor: Sendable {
    /// The sport.
    static let sport = "nba"
    /// The history read, in days before the as-of.
    static let historyDays = 400.0
    /// The days of history that decide which team a player plays for.
    static let rosterDays = 30.0
    /// A team's latest games whose players are expected to play.
    static let recentGames = 3
    /// The feature-set name recorded with the model.
    static let featureSetVersion = "player_points_v1"
    /// The Odds API market of the props' prices.
    static let market = "player_points"

    let store: Store
    let now: @Sendable () -> Date
    let picks: PickSelector
    let anchorWeight: Double?

    /// A predictor over `store` on the clock `now`, publishing the picks `picks` selects; `anchorWeight` pins the
    /// market anchor's weight as `PropPredictor`'s does (nil, the default: fitted on settled priced NBA props).
    public init(
        store: Store, now: @escaping @Sendable () -> Date = { Date() }, picks: PickSelector = .standard, anchorWeight: Double? = nil
    ) {
        self.store = store
        self.now = now
        self.picks = picks
        self.anchorWeight = anchorWeight
    }

    /// Runs the job with id `jobID`: its model and props commit in one transaction recorded under that id, so a
    /// redelivery writes nothing; a later run skips the player, game and line pairs already predicted.
    public func run(_ parameters: PredictPlayerPoints, jobID: String, logger: Logger) async throws -> PropRun {
        var run = PropRun()
        let (asOf, games) = try await PropPublication.games(sport: Self.sport, date: parameters.date, at: now(), store: store)
        run.games = games.count
        guard !games.isEmpty else {
            run.skipped = "no NBA games in the window"
            return run
        }
        let history = try await store.playerPoints.games(from: asOf.addingTimeInterval(-Self.historyDays * 86_400), asOf: asOf)
        let roster = Self.roster(history.filter { $0.scheduledAt >= asOf.addingTimeInterval(-Self.rosterDays * 86_400) })
        var byPlayer: [Int: [PlayerGamePoints]] = [:]
        for line in history { byPlayer[line.playerID, default: []].append(line) }

        // What is left to predict: (game, player, form, priced lines not yet stored, their best prices).
        var pending: [(game: Game, playerID: Int, form: PlayerPointsForm, lines: [(line: Double, best: PropPublication.Prices)])] = []
        for game in games {
            guard let gameID = game.id else { continue }
            let done = Set(
                try await store.playerProps.predictedProps(gameID: gameID).compactMap { stored in
                    PlayerPointsProp(selection: stored.selection).flatMap { prop in stored.line.map { PricedPropKey(prop.playerID, $0) } }
                })
            let priced = PropPublication.byKey(try await store.propOdds.bestPrices(
                gameID: gameID, market: Self.market, asOf: asOf, players: .boxScorePlayers))
            let players = Set((roster[game.homeTeamID] ?? []) + (roster[game.awayTeamID] ?? []))
            var linesOf: [Int: [(line: Double, best: PropPublication.Prices)]] = [:]
            for (key, best) in priced where players.contains(key.batterID) {
                if done.contains(key) {
                    run.alreadyPredicted += 1
                    continue
                }
                linesOf[key.batterID, default: []].append((key.line, best))
            }
            for (playerID, lines) in linesOf.sorted(by: { $0.key < $1.key }) {
                guard let form = PlayerPointsForm(games: (byPlayer[playerID] ?? [])[...], asOf: asOf) else { continue }
                pending.append((game, playerID, form, lines.sorted { $0.line < $1.line }))
            }
        }
        guard !pending.isEmpty else {
            run.skipped =
                run.alreadyPredicted > 0 ? "every prop already predicted" : "no priced player-points lines of players with box scores"
            return run
        }
        let examples = PlayerPointsModel.examples(history)
        run.trainingExamples = examples.count
        guard examples.count >= PlayerPointsModel.minimumExamples else {
            run.skipped = "too little box-score history: \(examples.count) player-games, need \(PlayerPointsModel.minimumExamples)"
            return run
        }
        let (model, evaluation) = try await ComputeQueue.run {
            (try PlayerPointsModel.fit(examples), try PlayerPointsModel.evaluate(examples))
        }
        evaluation?.record(into: &run)
        let expected = model.expectedPoints(pending.map(\.form.values))
        let registered = try registration(model, examples: examples, evaluation: evaluation)
        let anchor = try await PropPublication.anchor(pinned: anchorWeight, sport: Self.sport, asOf: asOf, store: store)
        run.anchorWeight = anchor.weight
        run.anchorHistory = anchor.history
        var predictions: [Prediction] = []
        for (item, mean) in zip(pending, expected) {
            guard let gameID = item.game.id else { continue }
            for (line, best) in item.lines {
                predictions.append(
                    PropPublication.prediction(
                        sport: Self.sport, gameID: gameID, line: line,
                        over: PlayerPointsProp(playerID: item.playerID, side: .over).selection,
                        under: PlayerPointsProp(playerID: item.playerID, side: .under).selection,
                        modelOver: model.probabilityOver(line, mean: mean), components: ["expected_points": mean], best: best,
                        anchor: anchor, picks: picks))
            }
        }
        try await PropPublication.publish(predictions, model: registered, jobID: jobID, store: store, into: &run)
        logger.info(
            "player-points props predicted",
            metadata: [
                "games": "\(run.games)", "stored": "\(run.predictions)", "priced": "\(run.priced)", "picks": "\(run.picks)",
                "examples": "\(run.trainingExamples)", "market_anchor_weight": "\(run.anchorWeight)",
                "market_anchor_history": "\(run.anchorHistory)",
                "rmse": "\(run.rmse.map { String($0) } ?? "-")", "baseline_rmse": "\(run.baselineRMSE.map { String($0) } ?? "-")",
            ])
        return run
    }

    /// Each team's expected players: those who played for it in any of its latest `recentGames` games of `lines`.
    static func roster(_ lines: [PlayerGamePoints]) -> [Int: [Int]] {
        var gamesOf: [Int: Set<Int>] = [:]
        var starts: [Int: Date] = [:]
        for line in lines {
            gamesOf[line.teamID, default: []].insert(line.gameID)
            starts[line.gameID] = line.scheduledAt
        }
        var roster: [Int: Set<Int>] = [:]
        for (team, games) in gamesOf {
            let latest = Set(games.sorted { (starts[$0]!, $0) > (starts[$1]!, $1) }.prefix(recentGames))
            for line in lines where line.teamID == team && latest.contains(line.gameID) && !line.didNotPlay {
                roster[team, default: []].insert(line.playerID)
            }
        }
        return roster.mapValues { $0.sorted() }
    }

    /// The model's registry record (its version is set inside the transaction).
    private func registration(_ model: PlayerPointsModel, examples: [PlayerPointsModel.Example], evaluation: PropEvaluation?)
        throws -> RegisteredModel
    {
        let archive = ModelArchive(
            model: .generalizedLinear(model.model), featureNames: PlayerPointsForm.names,
            featureKinds: Array(repeating: .numerical, count: PlayerPointsForm.names.count),
            metadata: ["target": "player_points", "dispersion": String(model.dispersion)])
        var metrics: [String: Double] = ["training_examples": Double(examples.count), "dispersion": model.dispersion]
        if let evaluation { metrics.merge(evaluation.metrics) { _, new in new } }
        return RegisteredModel(
            name: "\(Self.sport)_player_points", version: 1, sport: Self.sport, betType: .playerProp,
            featureSetVersion: Self.featureSetVersion,
            trainingStart: examples.first?.start ?? now(), trainingEnd: examples.last?.start ?? now(),
            hyperparameters: ["family": .string("gaussian"), "lambda_search": .bool(true), "threshold": .string("normal_dispersion")],
            metrics: metrics, artifact: Data(try archive.encoded()))
    }
}
