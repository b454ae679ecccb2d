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
        let glm = GeneralizedLinear().fit(p.train, labels: p.trainLabels)
        let trees = RandomForest(configuration: forest).fit(p.train, labels: p.trainLabels)
        let stacked = StackedEnsembleModel(
            baseModels: [.generalizedLinear(glm), .randomForest(trees)],
            metalearner: StackedEnsembleModel.fitMetalearner(outOfFold: [glm.predict(p.train), trees.predict(p.train)], labels: p.trainLabels))
        let blend = WeightedEnsembleModel(members: [.stackedEnsemble(stacked), .bagged(BaggedModel(members: [.generalizedLinear(glm)]))], weights: [0.3, 0.7])
        let calibrator = IsotonicCalibrator(scores: blend.predict(p.train), labels: p.trainLabels)
        try roundTrips(.calibrated(CalibratedModel(base: .weightedEnsemble(blend), calibrator: .isotonic(calibrator))))
    }

    @Test func unknownVersionIsRefused() throws {
        let model = TrainedModel.generalizedLinear(GeneralizedLinear().fit(Self.problem.train, labels: Self.problem.trainLabels))
        let bytes = try ModelArchive(model: model, trainedOn: Self.problem.train).encoded()
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"version\":1", with: "\"version\":99")
        #expect(throws: ModelArchiveError.self) { try ModelArchive.decode(Array(text.utf8)) }
    }
}
