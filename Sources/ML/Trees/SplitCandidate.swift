/// The best split found for one node so far.
struct SplitCandidate: Sendable {
    var gain = -Double.infinity
    var rule: SplitRule?
    var left = NodeSums()
    var right = NodeSums()
    /// L2 penalty added to the usual one when the children's values are computed: LightGBM's `cat_l2` for a
    /// many-vs-many category split, 0 otherwise.
    var extraL2 = 0.0

    /// Whether a split was found that clears the constraints.
    var isValid: Bool { rule != nil }
}
