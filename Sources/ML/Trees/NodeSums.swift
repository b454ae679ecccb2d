/// Gradient, hessian and row-count sums of the rows in a node.
struct NodeSums: Sendable, Equatable {
    var gradient = 0.0
    var hessian = 0.0
    var count = 0.0

    static func - (lhs: NodeSums, rhs: NodeSums) -> NodeSums {
        NodeSums(gradient: lhs.gradient - rhs.gradient, hessian: lhs.hessian - rhs.hessian, count: lhs.count - rhs.count)
    }

    static func + (lhs: NodeSums, rhs: NodeSums) -> NodeSums {
        NodeSums(gradient: lhs.gradient + rhs.gradient, hessian: lhs.hessian + rhs.hessian, count: lhs.count + rhs.count)
    }
}
