/// One feature's slot of a node's gradient histogram, read as LightGBM's `FeatureHistogram` reads it.
struct FeatureHistogram {
    /// LightGBM's `kEpsilon`: added to hessian sums so that no division is by zero. Its last bits decide ties, so
    /// the split search adds it where LightGBM does.
    static let epsilon = 1e-15

    let histogram: UnsafeBufferPointer<Double>
    /// Where the slot starts in `histogram`.
    let base: Int
    /// The node's hessian sum plus twice ``epsilon``, as LightGBM passes it to its threshold search.
    let totalHessian: Double
    /// Rows per unit of hessian in the node: a bin's row count is estimated from its hessian (LightGBM's histograms
    /// hold no counts).
    let countFactor: Double
    /// The node's own score plus the least split gain: a split must gain more than this.
    let shift: Double

    init(histogram: UnsafeBufferPointer<Double>, base: Int, total: NodeSums, constraints: SplitConstraints) {
        self.histogram = histogram
        self.base = base
        totalHessian = total.hessian + 2 * Self.epsilon
        countFactor = total.count / totalHessian
        shift = constraints.score(NodeSums(gradient: total.gradient, hessian: totalHessian)) + constraints.minSplitGain
    }

    /// The gradient and hessian sums of `bin`, with its row count estimated from the hessian and rounded.
    @inline(__always)
    func sums(_ bin: Int) -> NodeSums {
        let b = base + bin * GradientHistogram.binStride
        return NodeSums(gradient: histogram[b], hessian: histogram[b + 1], count: (histogram[b + 1] * countFactor + 0.5).rounded(.down))
    }
}
