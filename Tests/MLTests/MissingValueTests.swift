import Testing
@testable import ML

/// Missing values as LightGBM handles them (`use_missing=true`, `zero_as_missing=false`): NaN has a bin of its own,
/// every split learns where NaN goes, and a NaN in a feature that had none in training counts as 0.
@Suite struct MissingValueTests {
    private func config(_ change: (inout GradientBoostingConfiguration) -> Void = { _ in }) -> GradientBoostingConfiguration {
        .small(trees: 20, leaves: 4, change)
    }

    /// `rows` rows of one uniform feature on [0, 1) whose label follows `x > 0.5`, a third of them missing with label
    /// `missingLabel` (so the missing rows behave like the low values when it is 0 and like the high ones when 1),
    /// and a second feature of pure noise.
    private func problem(rows: Int = 3_000, missingLabel: Double, seed: UInt64 = 3) -> (Dataset, [Double]) {
        var random = SplitMix64(seed: seed)
        var x = [Float]()
        var noise = [Float]()
        var labels = [Double]()
        for _ in 0..<rows {
            let value = Float(random.nextUnit())
            noise.append(Float(random.nextUnit()))
            if random.nextUnit() < 1.0 / 3 {
                x.append(.nan)
                labels.append(random.nextUnit() < 0.9 ? missingLabel : 1 - missingLabel)
            } else {
                x.append(value)
                labels.append(random.nextUnit() < (value > 0.5 ? 0.9 : 0.1) ? 1 : 0)
            }
        }
        return (Dataset(columns: [x, noise]), labels)
    }

    @Test func missingnessThatCarriesTheLabelIsUsed() throws {
        // Missing rows are mostly positive, present ones mostly negative whatever their value: only the missingness
        // of the first feature says anything.
        var random = SplitMix64(seed: 8)
        let rows = 3_000
        var x = [Float]()
        var labels = [Double]()
        for _ in 0..<rows {
            let missing = random.nextUnit() < 0.3
            x.append(missing ? .nan : Float(random.nextUnit()))
            labels.append(random.nextUnit() < (missing ? 0.85 : 0.15) ? 1 : 0)
        }
        let noise = (0..<rows).map { _ in Float(random.nextUnit()) }
        let model = try GradientBoosting(configuration: config()).fit(Dataset(columns: [x, noise]), labels: labels)
        let root = model.trees[0]
        #expect(root.splitFeature[0] == 0)
        // The split isolates the missing rows: every value one way, NaN the other. (Here NaN goes left with the
        // empty zero bin: the missing-left scan runs first and finds this partition too.)
        let nanLeft = root.goesLeft(node: 0, value: .nan)
        #expect([Float(0.001), 0.5, 0.999].allSatisfy { root.goesLeft(node: 0, value: $0) != nanLeft })
        let p = model.predict(Dataset(columns: [[.nan, 0.2, 0.8], [0.5, 0.5, 0.5]]))
        #expect(p[0] > 0.75 && p[1] < 0.25 && p[2] < 0.25)
    }

    @Test(arguments: [0.0, 1.0])
    func missingValuesFollowTheLearnedDirection(missingLabel: Double) throws {
        let (data, labels) = problem(missingLabel: missingLabel)
        let model = try GradientBoosting(configuration: config { $0.leafCount = 2 }).fit(data, labels: labels)
        // The root splits x near 0.5 and sends NaN to the side whose labels the missing rows share: left (low
        // values) when they are negatives, right when positives.
        let root = model.trees[0]
        #expect(root.splitFeature[0] == 0)
        #expect(abs(root.threshold[0] - 0.5) < 0.05)
        #expect(root.defaultLeft[0] == (missingLabel == 0))
        let p = model.predict(Dataset(columns: [[.nan, 0.1, 0.9], [0.5, 0.5, 0.5]]))
        // Later trees may cut x elsewhere, so NaN predicts close to the side it joined, far from the other.
        let (like, unlike) = missingLabel == 0 ? (p[1], p[2]) : (p[2], p[1])
        #expect(abs(p[0] - like) < 0.05 && abs(p[0] - unlike) > 0.5)
        // Raw-value and binned traversal agree on missing values.
        let test = Dataset(columns: [[.nan, .nan, 0.3], [0.1, 0.9, .nan]])
        let binned = model.binner.bin(test)
        binned.bins.withUnsafeBufferPointer { bins in
            test.values.withUnsafeBufferPointer { values in
                for tree in model.trees {
                    for row in 0..<test.rowCount {
                        #expect(tree.leaf(row: row, bins: bins, rowCount: test.rowCount) == tree.leaf(row: row, values: values, rowCount: test.rowCount))
                    }
                }
            }
        }
    }

    @Test func nanInAFeatureWithoutMissingTrainingValuesCountsAsZero() throws {
        // x uniform on [−1, 1) with no missing values; the label follows x > 0.3 and x < −0.3 both, so 0 sits in
        // the middle leaf and NaN must land there too, as LightGBM predicts it.
        var random = SplitMix64(seed: 4)
        let x = (0..<4_000).map { _ in Float(random.nextUnit() * 2 - 1) }
        let labels = x.map { value -> Double in
            let p = value > 0.3 ? 0.9 : value < -0.3 ? 0.5 : 0.1
            return random.nextUnit() < p ? 1 : 0
        }
        let model = try GradientBoosting(configuration: config { $0.leafCount = 3 }).fit(Dataset(columns: [x]), labels: labels)
        let p = model.predict(Dataset(columns: [[.nan, 0, 0.9, -0.9]]))
        #expect(p[0] == p[1])
        #expect(p[1] < p[2] && p[1] < p[3])
        for tree in model.trees {
            for node in 0..<tree.internalCount { #expect(tree.defaultLeft[node] == (0 <= tree.threshold[node])) }
        }
    }
}
