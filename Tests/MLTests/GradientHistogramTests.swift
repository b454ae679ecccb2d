@testable import ML
import Testing

@Suite struct GradientHistogramTests {
    /// A random binned table of `rows` × `columns`, with missing values, and gradients in multiples of 1/64 so that
    /// every sum is exact and subtraction can be compared bit for bit.
    private func problem(rows: Int, columns: Int) -> (BinnedDataset, [Float], [Float]) {
        var random = SplitMix64(seed: 7)
        let bins = (0..<(rows * columns)).map { _ in random.next() % 10 == 0 ? QuantileBinner.missingBin : UInt8(random.next() % 200) }
        let gradients = (0..<rows).map { _ in Float(Int(random.next() % 128) - 64) / 64 }
        let hessians = (0..<rows).map { _ in Float(1 + random.next() % 16) / 64 }
        return (BinnedDataset(rowCount: rows, columnCount: columns, bins: bins), gradients, hessians)
    }

    @Test func parentMinusChildEqualsTheSiblingBuiltFromItsRows() {
        let (binned, gradients, hessians) = problem(rows: 3_000, columns: 7)
        let features = Array(0..<7)
        let size = features.count * GradientHistogram.slotStride
        let left = (0..<UInt32(3_000)).filter { $0 % 3 == 0 }
        let right = (0..<UInt32(3_000)).filter { $0 % 3 != 0 }
        func built(_ rows: [UInt32]?, threads: Int) -> [Double] {
            var histogram = [Double](repeating: .nan, count: size)
            let g = rows.map { $0.map { gradients[Int($0)] } } ?? gradients
            let h = rows.map { $0.map { hessians[Int($0)] } } ?? hessians
            GradientHistogram.build(into: &histogram, features: features, binned: binned, rows: rows?[...], gradients: g[...], hessians: h[...], threads: threads)
            return histogram
        }
        var parent = built(nil, threads: 1)
        GradientHistogram.subtract(built(left, threads: 1), from: &parent, slots: features.count)
        #expect(parent == built(right, threads: 1))
        #expect(built(right, threads: 2) == built(right, threads: 1))
    }

    @Test func binsHoldTheGradientAndHessianSumsOfTheirRows() {
        let (binned, gradients, hessians) = problem(rows: 500, columns: 5)
        var histogram = [Double](repeating: 0, count: 5 * GradientHistogram.slotStride)
        GradientHistogram.build(into: &histogram, features: [4, 1, 2, 3, 0], binned: binned, rows: nil, gradients: gradients[...], hessians: hessians[...], threads: 1)
        // Slot 0 holds feature 4.
        let bin = Int(binned.bins[4 * 500])
        var g = 0.0
        var h = 0.0
        for row in 0..<500 where Int(binned.bins[4 * 500 + row]) == bin {
            g += Double(gradients[row])
            h += Double(hessians[row])
        }
        #expect(histogram[bin * GradientHistogram.binStride] == g && histogram[bin * GradientHistogram.binStride + 1] == h)
    }
}
