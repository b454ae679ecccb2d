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

    // Expected bins below are LightGBM 4.7's for the same values (`lightgbm.Dataset._dump_text`, max_bin as given).

    @Test func rareValuesShareABinAndZeroKeepsItsOwn() {
        let column: [Float] = [1, 1, 1, 2, 3, 3, 3, 3, 4, 5, 5]
        let binner = QuantileBinner(fitting: Dataset(columns: [column]))
        // At least three rows per bin, so 2 joins 3 and 4 joins 5; bin 0 is zero's, empty here. Bounds are midpoints.
        #expect(binner.features[0].upperBounds == [Float(BinBoundaries.zeroThreshold), 1.5, 3.5, .infinity])
        #expect(binner.bin(Dataset(columns: [column])).bins == [1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3])
    }

    /// 200 negatives, 50 zeros, 1,000 positives of which one value repeats 301 times, as multiples of 1/1024.
    private static let mixedSigns: [Float] =
        (1...1_000).map { Float($0) / 1_024 } + Array(repeating: 500 / 1_024, count: 300) + (1...200).map { -Float($0) / 1_024 }
        + Array(repeating: 0, count: 50)

    private static func binCounts(_ column: [Float], maxBin: Int) -> [Int] {
        let binner = QuantileBinner(fitting: Dataset(columns: [column]), maxBin: maxBin)
        var counts = [Int](repeating: 0, count: 256)
        for bin in binner.bin(Dataset(columns: [column])).bins { counts[Int(bin)] += 1 }
        return Array(counts[0..<binner.features[0].count]) + (counts[255] > 0 ? [counts[255]] : [])
    }

    @Test func greedyBinsMatchLightGBM() {
        // Negatives and positives binned apart, zero alone, and the frequent value in a bin of its own.
        #expect(
            Self.binCounts(Self.mixedSigns, maxBin: 32) == [
                50, 50, 50, 50, 50, 39, 39, 39, 39, 39, 39, 39, 39, 39, 39, 39, 38, 32, 301, 39, 39, 39, 39, 39, 39, 38, 38, 38, 38,
                38, 38, 38,
            ])
    }

    @Test func missingValuesTakeOneOfMaxBin() {
        #expect(
            Self.binCounts(Self.mixedSigns + Array(repeating: .nan, count: 10), maxBin: 32) == [
                50, 50, 50, 50, 50, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 40, 320, 40, 39, 39, 39, 39, 38, 38, 38, 38, 38, 38,
                38, 38, 10,
            ])
    }

    @Test func rarestCategoriesArePooledWithMissingValuesAsLightGBMPoolsThem() {
        // Level 3's 5 rows lie beyond the first 99% of 1,000 and the other three levels already have a bin each (plus
        // the one LightGBM counts for "other"): pooled. With 20 rows the first three cover only 98%: kept.
        func column(_ counts: [Int]) -> [Float] { counts.enumerated().flatMap { code, n in [Float](repeating: Float(code), count: n) } }
        let levels = FeatureKind.categorical(levels: ["a", "b", "c", "d"])
        let pooled = QuantileBinner(fitting: Dataset(columns: [column([500, 300, 195, 5])], kinds: [levels]))
        #expect(pooled.bin(Dataset(columns: [[0, 1, 2, 3, .nan]])).bins == [0, 1, 2, QuantileBinner.missingBin, QuantileBinner.missingBin])
        let kept = QuantileBinner(fitting: Dataset(columns: [column([500, 300, 180, 20])], kinds: [levels]))
        #expect(kept.bin(Dataset(columns: [[0, 1, 2, 3]])).bins == [0, 1, 2, 3])
        #expect(kept.features[0].pooledCategoryWords == nil)
    }
}
