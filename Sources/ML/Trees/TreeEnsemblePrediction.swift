/// Sums tree outputs over the rows of a raw dataset, in parallel over blocks of rows.
enum TreeEnsemblePrediction {
    /// `base + scale * Σ trees(row)` for every row.
    static func sums(trees: [DecisionTree], data: Dataset, base: Double, scale: Double, threads: Int) -> [Double] {
        precondition(trees.allSatisfy { $0.splitFeature.allSatisfy { Int($0) < data.columnCount } }, "dataset has too few columns for this model")
        let rowCount = data.rowCount
        var output = [Double](repeating: base, count: rowCount)
        let values = data.values
        let chunks = rowCount < 2_000 ? 1 : Parallel.resolvedThreads(threads) * 4
        output.withUnsafeMutableBufferPointer { buffer in
            let target = DisjointWriteBuffer(buffer)
            Parallel.forEachChunk(count: rowCount, chunks: chunks) { rows in
                values.withUnsafeBufferPointer { values in
                    // Tree-major within a block keeps one tree's arrays hot in cache.
                    for tree in trees {
                        tree.leafValue.withUnsafeBufferPointer { leafValue in
                            for row in rows {
                                target[row] += scale * leafValue[tree.leaf(row: row, values: values, rowCount: rowCount)]
                            }
                        }
                    }
                }
            }
        }
        return output
    }
}
