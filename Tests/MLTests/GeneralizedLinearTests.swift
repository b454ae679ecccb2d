import Foundation
import Testing
@testable import ML

@Suite struct GeneralizedLinearTests {
    @Test func linearFamilyRecoversKnownCoefficients() throws {
        var random = SplitMix64(seed: 21)
        let n = 2_000
        let a = (0..<n).map { _ in Float(random.nextUnit() * 10) }
        let b = (0..<n).map { _ in Float(random.nextUnit() - 0.5) }
        let y = (0..<n).map { 3 + 2 * Double(a[$0]) - 4 * Double(b[$0]) }
        var config = GeneralizedLinearConfiguration()
        config.family = .gaussian
        config.lambda = 0
        let model = try GeneralizedLinear(configuration: config).fit(Dataset(columns: [a, b]), labels: y)
        let predictions = model.predict(Dataset(columns: [[0, 1], [0, 0.25]]))
        #expect(abs(predictions[0] - 3) < 1e-4)
        #expect(abs(predictions[1] - (3 + 2 - 1)) < 1e-4)
    }

    @Test func logisticFamilyLearnsTheSignal() throws {
        let p = SyntheticProblem()
        let model = try GeneralizedLinear().fit(p.train, labels: p.trainLabels)
        let auc = BinaryMetrics.auc(labels: p.testLabels, scores: model.predict(p.test))
        #expect(auc > 0.75)
        // x0 raises the odds and x1 lowers them (standardized design columns 0 and 1).
        #expect(model.coefficients[0] > 0.5 && model.coefficients[1] < -0.3)
    }

    @Test func strongLassoZeroesNoiseCoefficients() throws {
        let p = SyntheticProblem()
        var config = GeneralizedLinearConfiguration()
        config.alpha = 1
        config.lambda = 0.05
        let model = try GeneralizedLinear(configuration: config).fit(p.train, labels: p.trainLabels)
        #expect(model.coefficients[5] == 0)
        #expect(model.coefficients[0] != 0)
    }

    @Test func nonNegativeConstraintHolds() throws {
        let p = SyntheticProblem()
        var config = GeneralizedLinearConfiguration()
        config.nonNegative = true
        let model = try GeneralizedLinear(configuration: config).fit(p.train, labels: p.trainLabels)
        #expect(model.coefficients.allSatisfy { $0 >= 0 })
        #expect(model.coefficients[1] == 0)
    }

    @Test func categoricalLevelsBecomeIndicators() throws {
        let codes: [Float] = (0..<600).map { Float($0 % 3) }
        let labels = codes.map { $0 == 2 ? 1.0 : 0.0 }
        let data = Dataset(columns: [codes], names: ["c"], kinds: [.categorical(levels: ["a", "b", "c"])])
        var config = GeneralizedLinearConfiguration()
        config.lambda = 1e-3
        let p = try GeneralizedLinear(configuration: config).fit(data, labels: labels).predict(Dataset(columns: [[0, 1, 2]], names: ["c"], kinds: data.kinds))
        #expect(p[2] > 0.9 && p[0] < 0.1 && p[1] < 0.1)
    }

    @Test func aGLMOnNamedColumnsReadsOnlyThemWhereverTheyAre() throws {
        let p = SyntheticProblem()
        var config = GeneralizedLinearConfiguration()
        config.columns = [p.train.names[1], p.train.names[0], "absent"]
        let model = try GeneralizedLinear(configuration: config).fit(p.train, labels: p.trainLabels)
        #expect(model.columns == [p.train.names[1], p.train.names[0]])
        #expect(model.coefficients.count == 2)
        // The same columns in another order, among others (a stack's next layer appends its own): the same forecasts.
        let reordered = p.test.selecting(columnsNamed: p.test.names.reversed()).appending(
            columns: [[Float](repeating: 9, count: p.test.rowCount)], names: ["appended"])
        #expect(model.predict(reordered) == model.predict(p.test))
        // A column it reads and the rows lack counts as missing (its training mean), not as some other column.
        let without = p.test.selecting(columnsNamed: [p.test.names[0]])
        let meanOfSecond = model.design.columns[0].mean
        let filled = Dataset(
            columns: [[Float](repeating: Float(meanOfSecond), count: p.test.rowCount), Array(p.test.column(0))],
            names: [p.test.names[1], p.test.names[0]])
        let a = model.predict(without)
        let b = model.predict(filled)
        #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func withoutAnInterceptZeroAndMissingAddNothing() throws {
        // y = 3 + 2a: without an intercept the fit is the best line through the origin, and a missing `a` predicts 0.
        let n = 1_000
        let a = (0..<n).map { Float($0 % 10) + 1 }
        let y = a.map { 3 + 2 * Double($0) }
        var config = GeneralizedLinearConfiguration()
        config.family = .gaussian
        config.lambda = 0
        config.fitsIntercept = false
        let model = try GeneralizedLinear(configuration: config).fit(Dataset(columns: [a]), labels: y)
        let slope = zip(a, y).reduce(0) { $0 + Double($1.0) * $1.1 } / a.reduce(0) { $0 + Double($1) * Double($1) }
        #expect(model.intercept == 0)
        let predictions = model.predict(Dataset(columns: [[0, 1, .nan]]))
        #expect(abs(predictions[0]) < 1e-9 && abs(predictions[2]) < 1e-9)
        #expect(abs(predictions[1] - slope) < 1e-4)

        // On top of a market prior, an outcome rate the market does not price is not learnt as a constant.
        let p = MarketProblem(rows: 2_000, signal: 0.3, seed: 11)
        let homeBias = p.trainLabels.indices.map { $0 % 7 == 0 ? 1 : p.trainLabels[$0] }
        var edge = GeneralizedLinearConfiguration()
        edge.columns = ["edge"]
        edge.fitsIntercept = false
        let adjusted = try GeneralizedLinear(configuration: edge).fit(p.train, labels: homeBias, prior: p.prior)
        #expect(adjusted.intercept == 0 && adjusted.coefficients[0] > 0.1)
        let zero = Dataset(columns: [[0.5, 0.5], [0, .nan]], names: ["market", "edge"])
        #expect(adjusted.predict(zero).allSatisfy { abs($0 - 0.5) < 1e-9 })
    }

    @Test func summedColumnsShareOneCoefficientAndAMissingValueAddsNothing() throws {
        // y = 2 (a + b): one coefficient on the sum; c is not named.
        var random = SplitMix64(seed: 5)
        let n = 1_000
        let a = (0..<n).map { _ in Float(random.nextUnit() - 0.5) }
        let b = (0..<n).map { _ in Float(random.nextUnit() - 0.5) }
        let c = (0..<n).map { _ in Float(random.nextUnit()) }
        let y = (0..<n).map { 2 * Double(a[$0] + b[$0]) }
        var config = GeneralizedLinearConfiguration()
        config.family = .gaussian
        config.lambda = 0
        config.fitsIntercept = false
        config.columns = ["a", "b"]
        config.sumsColumns = true
        let model = try GeneralizedLinear(configuration: config).fit(Dataset(columns: [a, b, c], names: ["a", "b", "c"]), labels: y)
        #expect(model.coefficients.count == 1 && model.columnsSummed == true)
        let rows = Dataset(columns: [[0.25, .nan, .nan], [0.25, 0.1, .nan], [9, 9, 9]], names: ["a", "b", "c"])
        let predictions = model.predict(rows)
        #expect(abs(predictions[0] - 1) < 1e-4 && abs(predictions[1] - 0.2) < 1e-4 && abs(predictions[2]) < 1e-9)

        // The flag travels with the archive, and an archive from before it reads each column on its own.
        let decoded = try JSONDecoder().decode(GeneralizedLinearModel.self, from: try JSONEncoder().encode(model))
        #expect(decoded.predict(rows) == predictions)
        let configuration = try JSONDecoder().decode(GeneralizedLinearConfiguration.self, from: try JSONEncoder().encode(config))
        #expect(configuration.sumsColumns)
        var old = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(config)) as? [String: Any])
        old["sumsColumns"] = nil
        #expect(try !JSONDecoder().decode(GeneralizedLinearConfiguration.self, from: try JSONSerialization.data(withJSONObject: old)).sumsColumns)
    }
}
