/// Maps every feature to at most 255 quantile bins so trees can be grown from `UInt8` columns and histograms.
public struct QuantileBinner: Sendable, Equatable, Codable {
    /// The bin every missing value (NaN) falls in, whatever the feature.
    public static let missingBin: UInt8 = 255

    /// The bins of each feature, in column order.
    public let features: [FeatureBins]

    /// Learns bin boundaries from `data` by LightGBM's rule (``BinBoundaries``) for each numerical feature, and one
    /// bin per level of a categorical feature but its rarest levels, pooled as LightGBM pools them
    /// (``FeatureBins/init(categoryCounts:missing:maxBin:)``).
    ///
    /// - Parameters:
    ///   - maxBin: the most bins per feature, the missing-value bin included when the feature has missing values
    ///     (as LightGBM's `max_bin`); at most 255 value bins.
    ///   - sampleLimit: boundaries are computed on at most this many rows, taken with a fixed stride.
    ///   - threads: features are processed in parallel on this many threads (0: all cores).
    public init(fitting data: Dataset, maxBin: Int = 255, sampleLimit: Int = 200_000, threads: Int = 0) {
        let maxBin = max(2, min(maxBin, Int(Self.missingBin)))
        let stride = max(1, (data.rowCount + sampleLimit - 1) / max(1, sampleLimit))
        var features = [FeatureBins](repeating: FeatureBins(categoryCount: 1), count: data.columnCount)
        features.withUnsafeMutableBufferPointer { buffer in
            let output = DisjointWriteBuffer(buffer)
            Parallel.forEachChunk(count: data.columnCount, chunks: Parallel.resolvedThreads(threads)) { columns in
                for column in columns {
                    switch data.kinds[column] {
                    case .categorical(let levels):
                        var counts = [Int](repeating: 0, count: levels.count)
                        var missing = 0
                        let values = data.column(column)
                        var index = values.startIndex
                        while index < values.endIndex {
                            let code = values[index]
                            if code >= 0 && code < Float(levels.count) { counts[Int(code)] += 1 } else { missing += 1 }
                            index += stride
                        }
                        output[column] = FeatureBins(categoryCounts: counts, missing: missing, maxBin: maxBin)
                    case .numerical:
                        let values = data.column(column)
                        var sample = [Float]()
                        sample.reserveCapacity(values.count / stride + 1)
                        var sawMissing = false
                        var index = values.startIndex
                        while index < values.endIndex {
                            if values[index].isNaN { sawMissing = true } else { sample.append(values[index]) }
                            index += stride
                        }
                        FloatRadixSort.sort(&sample)
                        // LightGBM counts the missing-value bin within max_bin; so does this, to grow the same trees.
                        let valueBins = sawMissing ? maxBin - 1 : maxBin
                        output[column] = FeatureBins(upperBounds: BinBoundaries.upperBounds(sorted: sample, maxBin: valueBins))
                    }
                }
            }
        }
        self.features = features
    }

    /// Bins every column of `data` with these boundaries.
    public func bin(_ data: Dataset, threads: Int = 0) -> BinnedDataset {
        precondition(data.columnCount == features.count, "dataset has \(data.columnCount) columns, binner expects \(features.count)")
        let rows = data.rowCount
        var bins = [UInt8](repeating: 0, count: rows * features.count)
        let values = data.values
        let features = self.features
        bins.withUnsafeMutableBufferPointer { buffer in
            let target = DisjointWriteBuffer(buffer)
            Parallel.forEachChunk(count: features.count, chunks: Parallel.resolvedThreads(threads)) { columns in
                values.withUnsafeBufferPointer { source in
                    for column in columns {
                        let feature = features[column]
                        let offset = column * rows
                        if feature.isCategorical {
                            for row in 0..<rows { target[offset + row] = feature.bin(source[offset + row]) }
                            continue
                        }
                        feature.upperBounds.withUnsafeBufferPointer { bounds in
                            // Branch-free lower-bound search: a fixed number of halvings whatever the value.
                            let boundCount = bounds.count
                            for row in 0..<rows {
                                let value = source[offset + row]
                                if value.isNaN {
                                    target[offset + row] = Self.missingBin
                                    continue
                                }
                                var low = 0
                                var length = boundCount
                                while length > 1 {
                                    let half = length >> 1
                                    low = bounds[low + half - 1] < value ? low + half : low
                                    length -= half
                                }
                                target[offset + row] = UInt8(truncatingIfNeeded: low)
                            }
                        }
                    }
                }
            }
        }
        return BinnedDataset(rowCount: rows, columnCount: features.count, bins: bins)
    }
}
