/// Builds per-feature histograms of gradient sum and hessian sum over the 256 bins of each feature.
///
/// Layout: feature slot `s`, bin `b` occupies doubles `(s * 256 + b) * 2 ..< +2` as (gradient, hessian). Slots are
/// the positions of the features a tree uses, so column subsampling shrinks the work. No row counts: the split
/// search estimates them from the hessian, as LightGBM does, so a count per bin was a third of the histogram's
/// memory traffic for nothing.
enum GradientHistogram {
    /// Doubles per bin.
    static let binStride = 2
    /// Doubles per feature slot.
    static let slotStride = 256 * binStride

    /// Fills `histogram` for the rows `rows` (or every row when `rows` is nil), in parallel over feature slots.
    ///
    /// - Parameters:
    ///   - rows: a slice, so a leaf's rows are read where the partition keeps them rather than copied.
    ///   - gradients: per row of `rows` (already gathered in that order) or, when `rows` is nil, per dataset row;
    ///     a slice, so the grower can gather into one buffer reused from leaf to leaf.
    ///   - hessians: same indexing as `gradients`.
    static func build(
        into histogram: inout [Double], features: [Int], binned: BinnedDataset,
        rows: ArraySlice<UInt32>?, gradients: ArraySlice<Float>, hessians: ArraySlice<Float>, threads: Int
    ) {
        let rowCount = binned.rowCount
        let bins = binned.bins
        let count = rows?.count ?? rowCount
        // Small leaves are not worth waking a second thread for.
        let chunks = count * features.count < 4_000 ? 1 : threads
        histogram.withUnsafeMutableBufferPointer { buffer in
            let target = DisjointWriteBuffer(buffer)
            Parallel.forEachChunk(count: features.count, chunks: chunks) { slots in
                bins.withUnsafeBufferPointer { bins in
                    gradients.withUnsafeBufferPointer { g in
                        hessians.withUnsafeBufferPointer { h in
                            // Four features per pass over the rows: the row index, gradient and hessian are loaded
                            // once for four histograms, whose independent updates also overlap in the pipeline.
                            var slot = slots.lowerBound
                            while slot < slots.upperBound {
                                let group = min(4, slots.upperBound - slot)
                                for k in 0..<group { (target.base + (slot + k) * slotStride).initialize(repeating: 0, count: slotStride) }
                                if group == 4 {
                                    let c0 = bins.baseAddress! + features[slot] * rowCount
                                    let c1 = bins.baseAddress! + features[slot + 1] * rowCount
                                    let c2 = bins.baseAddress! + features[slot + 2] * rowCount
                                    let c3 = bins.baseAddress! + features[slot + 3] * rowCount
                                    let o0 = target.base + slot * slotStride
                                    let o1 = o0 + slotStride
                                    let o2 = o1 + slotStride
                                    let o3 = o2 + slotStride
                                    @inline(__always) func add(_ row: Int, _ i: Int) {
                                        let gi = Double(g[i])
                                        let hi = Double(h[i])
                                        let b0 = Int(c0[row]) &* binStride
                                        let b1 = Int(c1[row]) &* binStride
                                        let b2 = Int(c2[row]) &* binStride
                                        let b3 = Int(c3[row]) &* binStride
                                        o0[b0] += gi; o0[b0 &+ 1] += hi
                                        o1[b1] += gi; o1[b1 &+ 1] += hi
                                        o2[b2] += gi; o2[b2 &+ 1] += hi
                                        o3[b3] += gi; o3[b3 &+ 1] += hi
                                    }
                                    if let rows {
                                        rows.withUnsafeBufferPointer { rows in
                                            for i in 0..<count { add(Int(rows[i]), i) }
                                        }
                                    } else {
                                        for i in 0..<count { add(i, i) }
                                    }
                                } else {
                                    for k in 0..<group {
                                        let column = bins.baseAddress! + features[slot + k] * rowCount
                                        let out = target.base + (slot + k) * slotStride
                                        if let rows {
                                            rows.withUnsafeBufferPointer { rows in
                                                for i in 0..<count {
                                                    let b = Int(column[Int(rows[i])]) &* binStride
                                                    out[b] += Double(g[i])
                                                    out[b &+ 1] += Double(h[i])
                                                }
                                            }
                                        } else {
                                            for i in 0..<count {
                                                let b = Int(column[i]) &* binStride
                                                out[b] += Double(g[i])
                                                out[b &+ 1] += Double(h[i])
                                            }
                                        }
                                    }
                                }
                                slot += group
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
