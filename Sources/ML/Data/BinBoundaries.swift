#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// LightGBM's rule for the bin boundaries of a numerical feature (`FindBinWithZeroAsOneBin` and `GreedyFindBin`).
///
/// Following it exactly matters: the bins decide which thresholds a tree can try, so a different rule grows
/// different trees, and on smooth signals measurably worse ones (issue #21). The rule:
/// - negatives and positives are binned apart, in proportion to their counts, and values within ±1e-35 of zero
///   form a bin of their own;
/// - each side is cut greedily into bins of about equal count, except that a value holding at least a bin's share
///   of the rows gets a bin to itself;
/// - a bin holds at least ``minDataInBin`` rows;
/// - a boundary lies half way between the last value of a bin and the first of the next.
enum BinBoundaries {
    /// Values this close to zero are zero.
    static let zeroThreshold = 1e-35
    /// The fewest sample rows a bin may hold (LightGBM's `min_data_in_bin` default).
    static let minDataInBin = 3

    /// The inclusive upper bounds, ascending and ending with +infinity, of at most `maxBin` bins over `sorted`, the
    /// non-missing sample values of a feature in ascending order.
    static func upperBounds(sorted: [Float], maxBin: Int) -> [Float] {
        guard !sorted.isEmpty else { return [.infinity] }
        var distinct = [Double]()
        var counts = [Int]()
        for value in sorted {
            let v = abs(Double(value)) <= zeroThreshold ? 0 : Double(value)
            if let last = distinct.last, last == v {
                counts[counts.count - 1] += 1
            } else {
                distinct.append(v)
                counts.append(1)
            }
        }
        let bounds = zeroAsOneBin(distinct: distinct, counts: counts, maxBin: maxBin)
        return narrowed(bounds, distinct: distinct)
    }

    /// LightGBM's `FindBinWithZeroAsOneBin`: greedy bins over the negatives, a bin for zero, greedy bins over the
    /// positives, with the `maxBin - 1` non-zero bins shared out by count.
    static func zeroAsOneBin(distinct: [Double], counts: [Int], maxBin: Int) -> [Double] {
        let total = counts.reduce(0, +)
        let leftEnd = distinct.firstIndex { $0 > -zeroThreshold } ?? distinct.count
        let rightStart = distinct[leftEnd...].firstIndex { $0 > zeroThreshold }
        let leftCount = counts[..<leftEnd].reduce(0, +)
        let rightCount = rightStart.map { counts[$0...].reduce(0, +) } ?? 0
        let zeroCount = total - leftCount - rightCount

        var bounds = [Double]()
        if leftEnd > 0 && maxBin > 1 {
            let leftBins = max(1, Int(Double(leftCount) / Double(total - zeroCount) * Double(maxBin - 1)))
            bounds = greedy(distinct: distinct[..<leftEnd], counts: counts[..<leftEnd], maxBin: leftBins, total: leftCount)
            bounds[bounds.count - 1] = -zeroThreshold
        }
        let rightBins = maxBin - 1 - bounds.count
        if let rightStart, rightBins > 0 {
            bounds.append(zeroThreshold)
            bounds += greedy(distinct: distinct[rightStart...], counts: counts[rightStart...], maxBin: rightBins, total: rightCount)
        } else {
            bounds.append(.infinity)
        }
        return bounds
    }

    /// LightGBM's `GreedyFindBin` over one run of distinct values: upper bounds ending with +infinity.
    static func greedy(distinct: ArraySlice<Double>, counts: ArraySlice<Int>, maxBin: Int, total: Int) -> [Double] {
        let values = Array(distinct)
        let counts = Array(counts)
        let n = values.count
        var bounds = [Double]()
        func append(_ bound: Double) {
            // Two midpoints one ulp apart would make an empty bin.
            if let last = bounds.last, bound <= last.nextUp { return }
            bounds.append(bound)
        }
        if n <= maxBin {
            var inBin = 0
            for i in 0..<(n - 1) {
                inBin += counts[i]
                if inBin >= minDataInBin {
                    let before = bounds.count
                    append(((values[i] + values[i + 1]) / 2).nextUp)
                    if bounds.count > before { inBin = 0 }
                }
            }
            bounds.append(.infinity)
            return bounds
        }
        let maxBin = max(1, min(maxBin, total / minDataInBin))
        var meanBinSize = Double(total) / Double(maxBin)
        // A value with at least a mean bin's worth of rows gets a bin of its own; the rest share the other bins.
        let isBig = counts.map { Double($0) >= meanBinSize }
        var restBins = maxBin
        var restCount = total
        for i in 0..<n where isBig[i] {
            restBins -= 1
            restCount -= counts[i]
        }
        meanBinSize = Double(restCount) / Double(restBins)
        var upper = [Double](repeating: .infinity, count: maxBin)
        var lower = [Double](repeating: .infinity, count: maxBin)
        var binCount = 0
        lower[0] = values[0]
        var inBin = 0
        for i in 0..<(n - 1) {
            if !isBig[i] { restCount -= counts[i] }
            inBin += counts[i]
            let closes = isBig[i] || Double(inBin) >= meanBinSize || (isBig[i + 1] && Double(inBin) >= max(1, meanBinSize * 0.5))
            guard closes else { continue }
            upper[binCount] = values[i]
            binCount += 1
            lower[binCount] = values[i + 1]
            if binCount >= maxBin - 1 { break }
            inBin = 0
            if !isBig[i] {
                restBins -= 1
                meanBinSize = Double(restCount) / Double(restBins)
            }
        }
        binCount += 1
        for i in 0..<(binCount - 1) { append(((upper[i] + lower[i + 1]) / 2).nextUp) }
        bounds.append(.infinity)
        return bounds
    }

    /// The bounds as Float, each kept strictly below the next distinct value so every sample value stays in its bin
    /// (a midpoint between two adjacent Floats rounds up to the higher one).
    private static func narrowed(_ bounds: [Double], distinct: [Double]) -> [Float] {
        var result = [Float]()
        result.reserveCapacity(bounds.count)
        var next = 0
        for bound in bounds {
            while next < distinct.count && distinct[next] <= bound { next += 1 }
            var narrow = Float(bound)
            if next < distinct.count && Double(narrow) >= distinct[next] { narrow = Float(distinct[next]).nextDown }
            result.append(narrow)
        }
        return result
    }
}
