/// The best split found for one node so far.
struct SplitCandidate: Sendable {
    var gain = -Double.infinity
    var rule: SplitRule?
    var left = NodeSums()
    var right = NodeSums()

    /// Whether a split was found that clears the constraints.
    var isValid: Bool { rule != nil }
}
