import Foundation
import Testing
@testable import ML

@Suite struct ModelArchiveTests {
    static let problem = SyntheticProblem(rows: 600)

    private func roundTrips(_ model: TrainedModel) throws {
        let bytes = try ModelArchive(model: model, trainedOn: Self.problem.train, metadata: ["sport": "nba"]).encoded()
        let decoded = try ModelArchive.decode(bytes)
        let same = decoded.model == model
        #expect(same)
        #expect(decoded.metadata == ["sport": "nba"])
        #expect(decoded.featureNames == Self.problem.train.names && decoded.featureKinds == Self.problem.train.kinds)
        #expect(try ModelArchive(model: decoded.model, featureNames: decoded.featureNames, featureKinds: decoded.featureKinds, metadata: decoded.metadata).encoded() == bytes)
        let before = model.predict(Self.problem.test)
        let after = decoded.model.predict(Self.problem.test)
        #expect(before.map(\.bitPattern) == after.map(\.bitPattern))
    }

    @Test func gradientBoostingRoundTripsBitExactly() throws {
        var config = GradientBoostingConfiguration()
        config.treeCount = 20
        config.threads = 2
        try roundTrips(.gradientBoosting(GradientBoosting(configuration: config).fit(Self.problem.train, labels: Self.problem.trainLabels)))
    }

    @Test func ensembleOfEveryKindRoundTripsBitExactly() throws {
        let p = Self.problem
        var forest = RandomForestConfiguration.extraTrees
        forest.treeCount = 5
        forest.maxDepth = 6
        let glm = try GeneralizedLinear().fit(p.train, labels: p.trainLabels)
        let trees = try RandomForest(configuration: forest).fit(p.train, labels: p.trainLabels)
        let stacked = StackedEnsembleModel(
            baseModels: [.generalizedLinear(glm), .randomForest(trees)],
            metalearner: try StackedEnsembleModel.fitMetalearner(outOfFold: [glm.predict(p.train), trees.predict(p.train)], labels: p.trainLabels))
        let blend = WeightedEnsembleModel(members: [.stackedEnsemble(stacked), .bagged(BaggedModel(members: [.generalizedLinear(glm)]))], weights: [0.3, 0.7])
        let calibrator = IsotonicCalibrator(scores: blend.predict(p.train), labels: p.trainLabels)
        try roundTrips(.calibrated(CalibratedModel(base: .weightedEnsemble(blend), calibrator: .isotonic(calibrator))))
    }

    @Test func unknownVersionIsRefused() throws {
        let model = try TrainedModel.generalizedLinear(GeneralizedLinear().fit(Self.problem.train, labels: Self.problem.trainLabels))
        let bytes = try ModelArchive(model: model, trainedOn: Self.problem.train).encoded()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"version\":\(ModelArchive.currentVersion)"))
        let future = text.replacingOccurrences(of: "\"version\":\(ModelArchive.currentVersion)", with: "\"version\":99")
        #expect(throws: ModelArchiveError(code: .unsupportedVersion, message: "version 99, this build reads versions 1 to 2")) {
            try ModelArchive.decode(Array(future.utf8))
        }
    }

    @Test func priorAnchoredModelsRoundTripBitExactly() throws {
        let p = MarketProblem(rows: 400, noiseFeatures: 3, signal: 0.8)
        var gbm = GradientBoostingConfiguration()
        gbm.treeCount = 30
        gbm.threads = 2
        var forest = RandomForestConfiguration()
        forest.treeCount = 5
        forest.threads = 2
        let members = try [LearnerSpecification.gradientBoosting(gbm), .defaultLearner(.glm), .randomForest(forest)].map {
            try $0.fit(p.train, labels: p.trainLabels, prior: p.prior)
        }
        let model = TrainedModel.weightedEnsemble(WeightedEnsembleModel(members: members, weights: [1, 1, 1]))
        let bytes = try ModelArchive(model: model, trainedOn: p.train).encoded()
        let decoded = try ModelArchive.decode(bytes)
        #expect(decoded.model == model)
        #expect(decoded.model.predict(p.test).map(\.bitPattern) == model.predict(p.test).map(\.bitPattern))
        guard case .priorAnchored(let anchored) = members[0], case .gradientBoosting(let boosted) = anchored.learner else {
            Issue.record("the GBM is not anchored")
            return
        }
        #expect(boosted.prior == p.prior && anchored.prior == p.prior)
        // The prior is applied when predicting: without its column, the model predicts something else.
        let withoutMarket = Dataset(
            columns: (0..<p.test.columnCount).map { $0 == 0 ? [Float](repeating: .nan, count: p.test.rowCount) : Array(p.test.column($0)) },
            names: p.test.names)
        #expect(decoded.model.predict(withoutMarket) != decoded.model.predict(p.test))
    }

    @Test func versionOneArchivesStillDecode() throws {
        // A version 1 archive is today's encoding of a model without priors, under version 1.
        let model = try TrainedModel.gradientBoosting(
            GradientBoosting(configuration: { var c = GradientBoostingConfiguration(); c.treeCount = 5; c.threads = 2; return c }())
                .fit(Self.problem.train, labels: Self.problem.trainLabels))
        let text = String(decoding: try ModelArchive(model: model, trainedOn: Self.problem.train).encoded(), as: UTF8.self)
        #expect(!text.contains("prior"))
        let old = text.replacingOccurrences(of: "\"version\":\(ModelArchive.currentVersion)", with: "\"version\":1")
        let decoded = try ModelArchive.decode(Array(old.utf8))
        #expect(decoded.version == 1 && decoded.model == model)
    }
}
