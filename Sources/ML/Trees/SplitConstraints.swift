/// The regularization every candidate split must satisfy.
struct SplitConstraints: Sendable {
    /// L2 penalty on leaf values (λ).
    var l2: Double
    /// Least hessian sum in each child.
    var minChildWeight: Double
    /// Least number of rows in each child (at least 1).
    var minDataInLeaf: Double
    /// Least loss reduction for a split to be made.
    var minSplitGain: Double
    /// Added to the hessian when ordering categories by gradient ratio, so rare levels do not jump to the ends.
    var categorySmoothing = 10.0

    /// The score `G² / (H + λ)` of a node; a split's gain is the children's scores minus the parent's.
    @inline(__always)
    func score(_ sums: NodeSums) -> Double {
        sums.gradient * sums.gradient / (sums.hessian + l2)
    }

    /// Whether a child may exist.
    @inline(__always)
    func admits(_ sums: NodeSums) -> Bool {
        sums.count >= minDataInLeaf && sums.hessian >= minChildWeight
    }
}
