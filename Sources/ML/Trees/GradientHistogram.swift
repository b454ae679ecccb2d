/// Builds per-feature histograms of gradient sum, hessian sum and row count over the 256 bins of each feature.
///
/// Layout: feature slot `s`, bin `b` occupies doubles `(s * 256 + b) * 3 ..< +3` as (gradient, hessian, count).
/// Slots are the positions of the features a tree uses, so column subsampling shrinks the work.
enum GradientHistogram {
    /// Doubles per feature slot.
    static let slotStride = 256 * 3

    /// Fills `histogram` for the rows `rows` (or every row when `rows` is nil), in parallel over feature slots.
    ///
    /// - Parameters:
    ///   - gradients: per row of `rows` (already gathered in that order) or, when `rows` is nil, per dataset row.
    ///   - hessians: same indexing as `gradients`.
    static func build(
        into histogram: inout [Double], features: [Int], binned: BinnedDataset,
        rows: [UInt32]?, gradients: [Float], hessians: [Float], threads: Int
    ) {
        let rowCount = binned.rowCount
        let bins = binned.bins
        let count = rows?.count ?? rowCount
        // Small leaves are not worth waking a second thread for.
        let chunks = count * features.count < 20_000 ? 1 : threads
        histogram.withUnsafeMutableBufferPointer { buffer in
            let target = DisjointWriteBuffer(buffer)
            Parallel.forEachChunk(count: features.count, chunks: chunks) { slots in
                bins.withUnsafeBufferPointer { bins in
                    gradients.withUnsafeBufferPointer { g in
                        hessians.withUnsafeBufferPointer { h in
                            for slot in slots {
                                let out = target.base + slot * slotStride
                                out.initialize(repeating: 0, count: slotStride)
                                let column = bins.baseAddress! + features[slot] * rowCount
                                if let rows {
                                    rows.withUnsafeBufferPointer { rows in
                                        for i in 0..<count {
                                            let b = Int(column[Int(rows[i])]) &* 3
                                            out[b] += Double(g[i])
                                            out[b &+ 1] += Double(h[i])
                                            out[b &+ 2] += 1
                                        }
                                    }
                                } else {
                                    for i in 0..<count {
                                        let b = Int(column[i]) &* 3
                                        out[b] += Double(g[i])
                                        out[b &+ 1] += Double(h[i])
                                        out[b &+ 2] += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `parent -= child` over the first `slots` feature slots: the histogram of the sibling, without touching its rows.
    static func subtract(_ child: [Double], from parent: inout [Double], slots: Int) {
        let length = slots * slotStride
        parent.withUnsafeMutableBufferPointer { parent in
            child.withUnsafeBufferPointer { child in
                for i in 0..<length { parent[i] -= child[i] }
            }
        }
    }
}
