import Testing
@testable import ML

@Suite struct QuantileBinnerTests {
    @Test func radixSortMatchesTheStandardSort() {
        var random = SplitMix64(seed: 8)
        var values = (0..<5_000).map { _ in Float(random.nextUnit() * 200 - 100) }
        values += [0, -0.0, .infinity, -.infinity, 1e-30, -1e-30, 3, 3, 3]
        var sorted = values
        FloatRadixSort.sort(&sorted)
        #expect(sorted == values.sorted())
    }

    @Test func fewDistinctValuesGetOneBinEach() {
        let column: [Float] = (0..<1_000).map { Float($0 % 4) }
        let binner = QuantileBinner(fitting: Dataset(columns: [column]))
        #expect(binner.features[0].count == 4)
        #expect(binner.bin(Dataset(columns: [[0, 1, 2, 3, .nan]])).bins == [0, 1, 2, 3, QuantileBinner.missingBin])
    }

    @Test func manyValuesFillAtMostMaxBinEqualCountBins() {
        var random = SplitMix64(seed: 3)
        let column = (0..<20_000).map { _ in Float(random.nextUnit()) }
        let binner = QuantileBinner(fitting: Dataset(columns: [column]), maxBin: 63)
        #expect(binner.features[0].count <= 63 && binner.features[0].count >= 60)
        var counts = [Int](repeating: 0, count: 256)
        for bin in binner.bin(Dataset(columns: [column])).bins { counts[Int(bin)] += 1 }
        let used = counts.filter { $0 > 0 }
        #expect(used.max()! < 2 * used.min()!)
    }

    @Test func datasetBinningAgreesWithPerValueBinning() {
        var random = SplitMix64(seed: 4)
        let column = (0..<3_000).map { _ in random.nextUnit() < 0.05 ? Float.nan : Float(random.nextUnit() * 10) }
        let binner = QuantileBinner(fitting: Dataset(columns: [column]), maxBin: 100)
        let probe = (0..<2_000).map { _ in Float(random.nextUnit() * 12 - 1) } + [.nan, .infinity, -.infinity]
        let binned = binner.bin(Dataset(columns: [probe])).bins
        #expect(binned == probe.map { binner.features[0].bin($0) })
    }
}
