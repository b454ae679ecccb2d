import Foundation
import ML
import Store
import Testing

@testable import Jobs

/// The three-way moneyline's draw share model: learned where the market's draw share misprices a column, kept only
/// where it beats that share, carried in the meta model's archive, and used by the forecast. No I/O.
@Suite struct DrawShareFitTests {
    /// Soccer games four a day: the market's no-vig home and draw probabilities, a goal total and the two sides'
    /// recent draw rates. A draw's true log-odds, given the home side did not win, are the market share's plus
    /// `mispricing` per unit of the sides' mean recent draw rate above 0.25 (0: the market's share is right).
    static func games(_ count: Int, mispricing: Double, seed: UInt64) -> [TrainingExample] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { index in
            let homeWin = Double.random(in: 0.25...0.65, using: &random)
            let draw = Double.random(in: 0.20...0.30, using: &random)
            let rates = (Double.random(in: 0...0.5, using: &random), Double.random(in: 0...0.5, using: &random))
            let share = draw / (1 - homeWin)
            let logOdds = log(share / (1 - share)) + mispricing * ((rates.0 + rates.1) / 2 - 0.25)
            let homeWon = Double.random(in: 0..<1, using: &random) < homeWin
            let drawn = Double.random(in: 0..<1, using: &random) < 1 / (1 + exp(-logOdds))
            let at = Date(timeIntervalSince1970: 1_750_000_000 + Double(index) * 21_600)
            return TrainingExample(
                gameID: index, scheduledAt: at, asOf: at.addingTimeInterval(-3_600),
                features: [
                    "line_homewinprob_current": homeWin, "line_drawprob_current": draw, "line_total_current": 2.5,
                    "adv_draw_rate_home_last10": rates.0, "adv_draw_rate_away_last10": rates.1,
                ],
                label: homeWon ? 1 : 0, drawLabel: homeWon ? nil : drawn ? 1 : 0)
        }
    }

    /// The fit on the first `training` games, judged on the rest.
    static func fit(_ games: [TrainingExample], training: Int) throws -> DrawShareFit {
        try DrawShareFit(training: Array(games.prefix(training)), evaluation: Array(games.dropFirst(training)), folds: 5)
    }

    @Test func aDrawShareTheMarketMispricesIsLearnedAndKept() throws {
        let fit = try Self.fit(Self.games(3_000, mispricing: 6, seed: 11), training: 2_400)
        #expect(fit.kept && fit.weight > 0)
        #expect(fit.logLoss < fit.marketLogLoss)
        let pooled = try #require(fit.pooled)
        #expect(pooled.logLossDifference < 0 && pooled.trainingRows > 0 && pooled.evaluationRows == fit.evaluationGames)
        // Only the games the home side did not win are its rows.
        #expect(fit.trainingGames < 2_400 && fit.trainingGames > 1_000)
        // It moves the share the way the truth does: teams that draw often draw more than the market says.
        let model = try #require(fit.served)
        var often = ["line_homewinprob_current": 0.45, "line_drawprob_current": 0.27, "line_total_current": 2.5]
        var seldom = often
        (often["adv_draw_rate_home_last10"], often["adv_draw_rate_away_last10"]) = (0.5, 0.5)
        (seldom["adv_draw_rate_home_last10"], seldom["adv_draw_rate_away_last10"]) = (0, 0)
        let market = 0.27 / 0.55
        #expect(try #require(model.share(features: often)) > market + 0.03)
        #expect(try #require(model.share(features: seldom)) < market - 0.03)
        #expect(fit.metrics["draw_kept"] == 1 && fit.metrics["draw_log_loss"] == fit.logLoss)
        #expect(fit.summary.contains("kept, forecasts divide the rest by the learned share"))
    }

    @Test func aDrawShareTheMarketPricesRightIsNotKept() throws {
        let fit = try Self.fit(Self.games(3_000, mispricing: 0, seed: 12), training: 2_400)
        #expect(!fit.kept && fit.served == nil)
        #expect(fit.model != nil && fit.pooled != nil)
        #expect(fit.metrics["draw_kept"] == 0)
        #expect(fit.summary.contains("not kept"))
    }

    @Test func tooFewGamesFitNothing() throws {
        let fit = try Self.fit(Self.games(150, mispricing: 6, seed: 13), training: 120)
        #expect(fit.model == nil && !fit.kept && fit.pooled == nil && fit.weight == 0)
        #expect(fit.marketLogLoss.isFinite && fit.evaluationGames > 0)
        #expect(fit.summary.contains("none fitted"))
    }

    @Test func fittingTwiceGivesTheSameModel() throws {
        let games = Self.games(2_000, mispricing: 6, seed: 14)
        #expect(try Self.fit(games, training: 1_600).model == Self.fit(games, training: 1_600).model)
    }

    @Test func theKeptModelTravelsInTheArchiveAndOldArchivesHaveNone() throws {
        let fit = try Self.fit(Self.games(3_000, mispricing: 6, seed: 11), training: 2_400)
        let served = try #require(fit.served)
        // Any model stands for the home-win model the draw share travels with.
        let home = served.model
        let names = ["line_homewinprob_current"]
        let withDraw = try ModelArchive(
            model: home, featureNames: names, featureKinds: [.numerical], companions: [DrawShareModel.role: served.model]
        ).encoded()
        #expect(try DrawShareModel(archive: ModelArchive.decode(withDraw)) == served)
        // An archive written before draw share models (no `companions` key) decodes, and has none.
        let old = try ModelArchive(model: home, featureNames: names, featureKinds: [.numerical]).encoded()
        #expect(!String(decoding: old, as: UTF8.self).contains("companions"))
        let decoded = try ModelArchive.decode(old)
        #expect(decoded.companions == nil && DrawShareModel(archive: decoded) == nil)
    }

    @Test func theForecastUsesTheLearnedShareAndStillSumsToOne() throws {
        let fit = try Self.fit(Self.games(3_000, mispricing: 6, seed: 11), training: 2_400)
        let model = try #require(fit.served)
        let features = [
            "line_homewinprob_current": 0.40, "line_drawprob_current": 0.26, "line_total_current": 2.25,
            "adv_draw_rate_home_last10": 0.5, "adv_draw_rate_away_last10": 0.4,
        ]
        let share = try #require(model.share(features: features))
        for homeWin in stride(from: 0.0, through: 1.0, by: 0.1) {
            let learned = try #require(
                BetOutcome.sides(.moneyline, threeWay: true, probability: homeWin, features: features, drawShare: model))
            #expect(abs(learned.reduce(0) { $0 + $1.probability } - 1) < 1e-12)
            #expect(abs(learned[1].probability - (1 - homeWin) * share) < 1e-12)
            // Without a draw share model the forecast is today's: the market's share.
            let market = try #require(BetOutcome.sides(.moneyline, threeWay: true, probability: homeWin, features: features))
            #expect(abs(market[1].probability - (1 - homeWin) * 0.26 / 0.60) < 1e-12)
        }
        // A model anchored at weight 0 is the market's share: the forecast is the market's.
        let anchoredAtZero = DrawShareModel(
            model: .priorAnchored(PriorAnchoredModel(prior: DrawShareModel.prior, learner: model.model, weight: 0)))
        let market = try #require(BetOutcome.sides(.moneyline, threeWay: true, probability: 0.40, features: features))
        let zero = try #require(
            BetOutcome.sides(.moneyline, threeWay: true, probability: 0.40, features: features, drawShare: anchoredAtZero))
        // (The share passes through the dataset's Float column: equal to about 1e-7.)
        #expect(zip(market, zero).allSatisfy { abs($0.probability - $1.probability) < 1e-6 })
    }
}
