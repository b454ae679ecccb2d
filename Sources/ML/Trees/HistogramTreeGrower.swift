/// Grows one regression tree on gradients from histograms of a binned dataset: leaf by leaf (best-first, LightGBM's
/// order) in `grow`, or level by level with one split shared by the whole level in `growSymmetric` (CatBoost's
/// oblivious trees).
///
/// The rows of every leaf are kept contiguous in one partition array. Only the smaller child of a split has its
/// histogram built from rows; the larger one is the parent's histogram minus the smaller's (the subtraction trick).
/// Histogram buffers are reused from tree to tree.
struct HistogramTreeGrower {
    /// What the grower produces: the tree and, for each leaf, the training rows that reached it.
    struct Result {
        var tree: DecisionTree
        /// Row indices grouped by leaf: leaf `l` owns `rows[leafStart[l] ..< leafStart[l] + leafSize[l]]`.
        var rows: [UInt32]
        var leafStart: [Int]
        var leafSize: [Int]
    }

    let binned: BinnedDataset
    let featureBins: [FeatureBins]
    let constraints: SplitConstraints
    let maxLeaves: Int
    /// 0 means unlimited.
    let maxDepth: Int
    let threads: Int
    /// Per dataset column, whether any training row is missing it: only then do splits also try sending missing
    /// values right (LightGBM's `missing_type`).
    let hasMissing: [Bool]
    /// Per dataset column, whether bin 0 is the bin LightGBM keeps no histogram entry for (its `most_freq_bin`, with
    /// `offset` 1); see ``HistogramSplitFinder/numerical(histogram:base:feature:bins:hasMissing:implicitFirstBin:total:constraints:best:)``.
    let implicitFirstBin: [Bool]
    var histograms: [[Double]]
    private var scratch: [UInt32] = []
    /// Gathered gradients and hessians of the leaf whose histogram is being built, reused from leaf to leaf and tree
    /// to tree: fresh arrays of up to half the rows per split were mapped, faulted in and zeroed every time.
    private var orderedGradients: [Float] = []
    private var orderedHessians: [Float] = []

    init(binned: BinnedDataset, featureBins: [FeatureBins], constraints: SplitConstraints, maxLeaves: Int, maxDepth: Int, threads: Int) {
        self.binned = binned
        self.featureBins = featureBins
        self.constraints = constraints
        self.maxLeaves = max(2, maxLeaves)
        self.maxDepth = maxDepth
        self.threads = threads
        self.histograms = Array(repeating: [], count: self.maxLeaves)
        self.hasMissing = (0..<binned.columnCount).map { column in
            binned.bins[(column * binned.rowCount)..<((column + 1) * binned.rowCount)].contains(QuantileBinner.missingBin)
        }
        self.implicitFirstBin = (0..<binned.columnCount).map { column in
            Self.mostFrequentBinIsFirst(binned: binned, column: column, bins: featureBins[column])
        }
    }

    /// Grows a tree on the rows `sample` (every row when nil) using only the features `features`.
    ///
    /// - Parameter leafOutput: maps a leaf's sums and the L2 penalty its split adds (``SplitCandidate/extraL2``) to
    ///   its value (for boosting, `-G / (H + λ + extra)` times the learning rate).
    mutating func grow(
        gradients: [Float], hessians: [Float], sample: [UInt32]?, features: [Int],
        leafOutput: (NodeSums, _ extraL2: Double) -> Double
    ) -> Result {
        var rows = prepareRoot(gradients: gradients, hessians: hessians, sample: sample, features: features, leaves: maxLeaves)
        var leafStart = [0]
        var leafSize = [rows.count]
        var leafSums = [NodeSums]()
        var leafDepth = [0]
        var leafBest = [SplitCandidate]()
        // Per leaf and feature slot: whether the feature may still split it (cleared where an ancestor found no split).
        var leafSplittable = [[Bool](repeating: true, count: features.count)]
        let rootSums = Self.sums(of: histograms[0], firstSlot: 0, rows: rows.count)
        leafSums.append(rootSums)
        var tree = DecisionTree(leafValue: leafOutput(rootSums, 0), cover: rootSums.count)
        leafBest.append(
            rows.count >= 2 * Int(constraints.minDataInLeaf)
                ? findSplit(leaf: 0, sums: rootSums, features: features, splittable: &leafSplittable[0]) : SplitCandidate())

        while tree.leafCount < maxLeaves {
            var chosen = -1
            var bestGain = 0.0
            for leaf in 0..<tree.leafCount where leafBest[leaf].isValid && leafBest[leaf].gain > bestGain {
                chosen = leaf
                bestGain = leafBest[leaf].gain
            }
            guard chosen >= 0, let rule = leafBest[chosen].rule else { break }
            var candidate = leafBest[chosen]

            let leftCount = partition(&rows, start: leafStart[chosen], count: leafSize[chosen], rule: rule)
            // The split search estimated the children's row counts; the partition knows them.
            candidate.left.count = Double(leftCount)
            candidate.right.count = Double(leafSize[chosen] - leftCount)
            let right = tree.split(
                leaf: chosen, rule: rule, gain: candidate.gain,
                left: (leafOutput(candidate.left, candidate.extraL2), candidate.left.count),
                right: (leafOutput(candidate.right, candidate.extraL2), candidate.right.count))
            leafStart.append(leafStart[chosen] + leftCount)
            leafSize.append(leafSize[chosen] - leftCount)
            leafSize[chosen] = leftCount
            leafSums[chosen] = candidate.left
            leafSums.append(candidate.right)
            let depth = leafDepth[chosen] + 1
            leafDepth[chosen] = depth
            leafDepth.append(depth)
            leafSplittable.append(leafSplittable[chosen])

            // As LightGBM: both children are searched unless they are too deep or both too small to split (a
            // child under twice the least leaf size may still split, since the search estimates child sizes).
            let minData = 2 * Int(constraints.minDataInLeaf)
            let searchChildren = (maxDepth <= 0 || depth < maxDepth) && (leftCount >= minData || leafSize[right] >= minData)
            guard searchChildren else {
                leafBest[chosen] = SplitCandidate()
                leafBest.append(SplitCandidate())
                continue
            }
            buildChildren(
                parent: chosen, right: right, rows: rows, leafStart: leafStart, leafSize: leafSize, gradients: gradients,
                hessians: hessians, features: features)
            if threads > 1 {
                // The two children's searches are independent: run them side by side.
                let jobs = [(leaf: chosen, sums: candidate.left), (leaf: right, sums: candidate.right)]
                var found = [(best: SplitCandidate, splittable: [Bool])](
                    repeating: (SplitCandidate(), []), count: 2)
                let grower = self
                let inherited = leafSplittable[chosen]
                found.withUnsafeMutableBufferPointer { buffer in
                    let output = DisjointWriteBuffer(buffer)
                    Parallel.forEachChunk(count: 2, chunks: 2) { range in
                        for job in range {
                            var splittable = inherited
                            let best = grower.findSplit(leaf: jobs[job].leaf, sums: jobs[job].sums, features: features, splittable: &splittable)
                            output[job] = (best, splittable)
                        }
                    }
                }
                leafBest[chosen] = found[0].best
                leafSplittable[chosen] = found[0].splittable
                leafBest.append(found[1].best)
                leafSplittable[right] = found[1].splittable
            } else {
                leafBest[chosen] = findSplit(leaf: chosen, sums: candidate.left, features: features, splittable: &leafSplittable[chosen])
                leafBest.append(findSplit(leaf: right, sums: candidate.right, features: features, splittable: &leafSplittable[right]))
            }
        }
        return Result(tree: tree, rows: rows, leafStart: leafStart, leafSize: leafSize)
    }

    /// Sizes the buffers for `leaves` leaves over `features` and builds the root's histogram into buffer 0; returns
    /// the root's rows (the sample, or every row).
    mutating func prepareRoot(gradients: [Float], hessians: [Float], sample: [UInt32]?, features: [Int], leaves: Int) -> [UInt32] {
        let histogramSize = features.count * GradientHistogram.slotStride
        if histograms.count < leaves { histograms += Array(repeating: [], count: leaves - histograms.count) }
        for i in histograms.indices where histograms[i].count < histogramSize {
            histograms[i] = [Double](repeating: 0, count: histogramSize)
        }
        let rows = sample ?? (0..<UInt32(binned.rowCount)).map { $0 }
        if scratch.count < rows.count { scratch = [UInt32](repeating: 0, count: rows.count) }
        // Straight over the columns when every row is in, else gathered through the sample.
        if sample == nil {
            GradientHistogram.build(
                into: &histograms[0], features: features, binned: binned, rows: nil, gradients: gradients[...], hessians: hessians[...], threads: threads)
        } else {
            gather(gradients, hessians, rows: rows[...])
            GradientHistogram.build(
                into: &histograms[0], features: features, binned: binned, rows: rows[...],
                gradients: orderedGradients[..<rows.count], hessians: orderedHessians[..<rows.count], threads: threads)
        }
        return rows
    }

    /// Builds the histogram of the smaller of two children just split from `parent` (whose buffer holds the parent's)
    /// and derives the larger by subtraction, leaving each child's histogram in its own leaf's buffer.
    mutating func buildChildren(
        parent: Int, right: Int, rows: [UInt32], leafStart: [Int], leafSize: [Int], gradients: [Float], hessians: [Float], features: [Int]
    ) {
        let smaller = leafSize[parent] <= leafSize[right] ? parent : right
        let slice = rows[leafStart[smaller]..<(leafStart[smaller] + leafSize[smaller])]
        gather(gradients, hessians, rows: slice)
        GradientHistogram.build(
            into: &histograms[right], features: features, binned: binned, rows: slice,
            gradients: orderedGradients[..<slice.count], hessians: orderedHessians[..<slice.count], threads: threads)
        GradientHistogram.subtract(histograms[right], from: &histograms[parent], slots: features.count)
        if smaller == parent { histograms.swapAt(parent, right) }
    }

    private func findSplit(leaf: Int, sums: NodeSums, features: [Int], splittable: inout [Bool]) -> SplitCandidate {
        histograms[leaf].withUnsafeBufferPointer {
            HistogramSplitFinder.best(
                histogram: $0, features: features, featureBins: featureBins, hasMissing: hasMissing, total: sums, constraints: constraints,
                splittable: &splittable, implicitFirstBin: implicitFirstBin)
        }
    }

    /// Stable partition of a leaf's rows: those going left first. Returns how many went left.
    ///
    /// A leaf of ``parallelRows`` rows or more is cut into one block per thread, as LightGBM's partition runner
    /// does: each block sends its rows to its own stretch of the scratch array (left rows from the front, right rows
    /// from the back), then every block copies its two runs to their final places, both steps side by side. Serial,
    /// the partition of the top levels was an eighth of a two-thread fit at 1,000,000 rows.
    mutating func partition(_ rows: inout [UInt32], start: Int, count: Int, rule: SplitRule) -> Int {
        var goesLeft = [Bool](repeating: false, count: 256)
        for bin in 0..<256 { goesLeft[bin] = rule.goesLeft(bin: UInt8(bin)) }
        if threads > 1 && count >= Self.parallelRows {
            return partitionInBlocks(&rows, start: start, count: count, column: rule.feature, goesLeft: goesLeft)
        }
        return goesLeft.withUnsafeBufferPointer { goesLeft in
            binned.partition(&rows, start: start, count: count, feature: rule.feature, scratch: &scratch) { goesLeft[Int($0)] }
        }
    }

    /// ``partition(_:start:count:rule:)`` over one block per thread.
    private mutating func partitionInBlocks(_ rows: inout [UInt32], start: Int, count: Int, column: Int, goesLeft: [Bool]) -> Int {
        let blocks = threads
        let bins = binned.bins
        let columnStart = column * binned.rowCount
        var lefts = [Int](repeating: 0, count: blocks)
        return rows.withUnsafeMutableBufferPointer { rows in
            scratch.withUnsafeMutableBufferPointer { scratch in
                let target = DisjointWriteBuffer(rows)
                let spill = DisjointWriteBuffer(scratch)
                lefts.withUnsafeMutableBufferPointer { lefts in
                    let leftCounts = DisjointWriteBuffer(lefts)
                    Parallel.forEachChunk(count: blocks, chunks: blocks) { range in
                        bins.withUnsafeBufferPointer { bins in
                            goesLeft.withUnsafeBufferPointer { goesLeft in
                                let column = bins.baseAddress! + columnStart
                                for block in range {
                                    let lower = count * block / blocks
                                    let upper = count * (block + 1) / blocks
                                    var left = lower
                                    var right = upper
                                    for i in lower..<upper {
                                        let row = target[start + i]
                                        if goesLeft[Int(column[Int(row)])] {
                                            spill[left] = row
                                            left += 1
                                        } else {
                                            right -= 1
                                            spill[right] = row
                                        }
                                    }
                                    leftCounts[block] = left - lower
                                }
                            }
                        }
                    }
                }
                let counts = lefts
                let totalLeft = counts.reduce(0, +)
                Parallel.forEachChunk(count: blocks, chunks: blocks) { range in
                    for block in range {
                        let lower = count * block / blocks
                        let upper = count * (block + 1) / blocks
                        let leftsBefore = counts[..<block].reduce(0, +)
                        let rightsBefore = lower - leftsBefore
                        for i in 0..<counts[block] { target[start + leftsBefore + i] = spill[lower + i] }
                        // The block's right rows sit reversed at its end.
                        let rightCount = upper - lower - counts[block]
                        for i in 0..<rightCount { target[start + totalLeft + rightsBefore + i] = spill[upper - 1 - i] }
                    }
                }
                return totalLeft
            }
        }
    }

    /// The leaf size from which partitions and gathers use every thread: below it, waking a second thread costs
    /// more than the rows do.
    static let parallelRows = 1 << 13

    /// LightGBM's `most_freq_bin` of a numerical feature is 0: the fullest bin (missing values counted) when it
    /// holds at least 70% of the rows, else the bin of the value 0 (its `kSparseThreshold` rule).
    private static func mostFrequentBinIsFirst(binned: BinnedDataset, column: Int, bins: FeatureBins) -> Bool {
        guard !bins.isCategorical else { return false }
        var counts = [Int](repeating: 0, count: 256)
        for bin in binned.bins[(column * binned.rowCount)..<((column + 1) * binned.rowCount)] { counts[Int(bin)] += 1 }
        let fullest = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) } ?? 0
        let mostFrequent = Double(counts[fullest]) >= 0.7 * Double(binned.rowCount) ? fullest : Int(bins.bin(0))
        return mostFrequent == 0
    }

    /// Copies the gradients and hessians of `rows`, in that order, to the front of ``orderedGradients`` and
    /// ``orderedHessians``, so histogram loops read them sequentially (LightGBM's ordered gradients).
    private mutating func gather(_ gradients: [Float], _ hessians: [Float], rows: ArraySlice<UInt32>) {
        if orderedGradients.count < rows.count {
            orderedGradients = [Float](repeating: 0, count: rows.count)
            orderedHessians = [Float](repeating: 0, count: rows.count)
        }
        let chunks = rows.count >= Self.parallelRows ? threads : 1
        orderedGradients.withUnsafeMutableBufferPointer { g in
            orderedHessians.withUnsafeMutableBufferPointer { h in
                let g = DisjointWriteBuffer(g)
                let h = DisjointWriteBuffer(h)
                Parallel.forEachChunk(count: rows.count, chunks: chunks) { range in
                    gradients.withUnsafeBufferPointer { gradients in
                        hessians.withUnsafeBufferPointer { hessians in
                            rows.withUnsafeBufferPointer { rows in
                                for i in range {
                                    let row = Int(rows[i])
                                    g[i] = gradients[row]
                                    h[i] = hessians[row]
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The node totals, read from any one feature slot of its histogram (every row falls in one bin of each feature).
    static func sums(of histogram: [Double], firstSlot slot: Int, rows: Int) -> NodeSums {
        var sums = NodeSums(gradient: 0, hessian: 0, count: Double(rows))
        let base = slot * GradientHistogram.slotStride
        for bin in 0..<256 {
            sums.gradient += histogram[base + bin * GradientHistogram.binStride]
            sums.hessian += histogram[base + bin * GradientHistogram.binStride + 1]
        }
        return sums
    }
}
