/// Exact TreeSHAP (Lundberg et al., "Consistent Individualized Feature Attribution for Tree Ensembles",
/// Algorithm 2): the Shapley values of one row's features for one tree, in time polynomial in the depth.
///
/// Node covers (training rows per node) weigh the branches a row does not take, so the values of a row sum to
/// its prediction minus the tree's cover-weighted mean leaf value.
struct TreeSHAP {
    private struct PathElement {
        var feature: Int
        var zeroFraction: Double
        var oneFraction: Double
        var weight: Double
    }

    private let tree: DecisionTree
    private var path: [PathElement]

    init(tree: DecisionTree) {
        self.tree = tree
        let depth = tree.depth + 2
        path = Array(repeating: PathElement(feature: -1, zeroFraction: 0, oneFraction: 0, weight: 0), count: depth * (depth + 1) / 2)
    }

    /// The tree's expected output: leaf values weighted by their training cover.
    static func expectedValue(of tree: DecisionTree) -> Double {
        let total = tree.leafCover.reduce(0, +)
        guard total > 0 else { return tree.leafValue.reduce(0, +) / Double(tree.leafCount) }
        return zip(tree.leafValue, tree.leafCover).reduce(0) { $0 + $1.0 * $1.1 } / total
    }

    /// Adds the row's Shapley values to `phi` (one entry per feature); `value(f)` reads the row's raw feature `f`.
    mutating func accumulate(into phi: inout [Double], value: (Int) -> Float) {
        guard tree.internalCount > 0 else { return }
        recurse(node: 0, phi: &phi, value: value, pathStart: 0, uniqueDepth: 0, zeroFraction: 1, oneFraction: 1, feature: -1)
    }

    private func cover(_ child: Int32) -> Double {
        child < 0 ? tree.leafCover[Int(~child)] : tree.internalCover[Int(child)]
    }

    private mutating func recurse(
        node: Int32, phi: inout [Double], value: (Int) -> Float, pathStart parentStart: Int,
        uniqueDepth: Int, zeroFraction: Double, oneFraction: Double, feature: Int
    ) {
        // Each level works on its own copy of the path, laid out after the parent's.
        let start = parentStart + uniqueDepth
        if uniqueDepth > 0 {
            for i in 0..<uniqueDepth { path[start + i] = path[parentStart + i] }
        }
        extend(start: start, uniqueDepth: uniqueDepth, zeroFraction: zeroFraction, oneFraction: oneFraction, feature: feature)

        if node < 0 {
            let leafValue = tree.leafValue[Int(~node)]
            if uniqueDepth > 0 {
                for i in 1...uniqueDepth {
                    let element = path[start + i]
                    let weight = unwoundSum(start: start, uniqueDepth: uniqueDepth, index: i)
                    phi[element.feature] += weight * (element.oneFraction - element.zeroFraction) * leafValue
                }
            }
            return
        }
        let n = Int(node)
        let splitFeature = Int(tree.splitFeature[n])
        let goesLeft = tree.goesLeft(node: n, value: value(splitFeature))
        let hot = goesLeft ? tree.leftChild[n] : tree.rightChild[n]
        let cold = goesLeft ? tree.rightChild[n] : tree.leftChild[n]
        let nodeCover = tree.internalCover[n]
        let hotZero = nodeCover > 0 ? cover(hot) / nodeCover : 0
        let coldZero = nodeCover > 0 ? cover(cold) / nodeCover : 0
        var incomingZero = 1.0
        var incomingOne = 1.0
        var depth = uniqueDepth
        // A feature already on the path is undone first, so each feature appears once.
        if let index = (1...max(1, depth)).first(where: { $0 <= depth && path[start + $0].feature == splitFeature }) {
            incomingZero = path[start + index].zeroFraction
            incomingOne = path[start + index].oneFraction
            unwind(start: start, uniqueDepth: depth, index: index)
            depth -= 1
        }
        recurse(node: hot, phi: &phi, value: value, pathStart: start, uniqueDepth: depth + 1, zeroFraction: hotZero * incomingZero, oneFraction: incomingOne, feature: splitFeature)
        recurse(node: cold, phi: &phi, value: value, pathStart: start, uniqueDepth: depth + 1, zeroFraction: coldZero * incomingZero, oneFraction: 0, feature: splitFeature)
    }

    private mutating func extend(start: Int, uniqueDepth: Int, zeroFraction: Double, oneFraction: Double, feature: Int) {
        path[start + uniqueDepth] = PathElement(feature: feature, zeroFraction: zeroFraction, oneFraction: oneFraction, weight: uniqueDepth == 0 ? 1 : 0)
        let d = Double(uniqueDepth + 1)
        var i = uniqueDepth - 1
        while i >= 0 {
            path[start + i + 1].weight += oneFraction * path[start + i].weight * Double(i + 1) / d
            path[start + i].weight = zeroFraction * path[start + i].weight * Double(uniqueDepth - i) / d
            i -= 1
        }
    }

    private mutating func unwind(start: Int, uniqueDepth: Int, index: Int) {
        let one = path[start + index].oneFraction
        let zero = path[start + index].zeroFraction
        var next = path[start + uniqueDepth].weight
        let d = Double(uniqueDepth + 1)
        var i = uniqueDepth - 1
        while i >= 0 {
            if one != 0 {
                let previous = path[start + i].weight
                path[start + i].weight = next * d / (Double(i + 1) * one)
                next = previous - path[start + i].weight * zero * Double(uniqueDepth - i) / d
            } else {
                path[start + i].weight = path[start + i].weight * d / (zero * Double(uniqueDepth - i))
            }
            i -= 1
        }
        for j in index..<uniqueDepth {
            path[start + j].feature = path[start + j + 1].feature
            path[start + j].zeroFraction = path[start + j + 1].zeroFraction
            path[start + j].oneFraction = path[start + j + 1].oneFraction
        }
    }

    private func unwoundSum(start: Int, uniqueDepth: Int, index: Int) -> Double {
        let one = path[start + index].oneFraction
        let zero = path[start + index].zeroFraction
        var next = path[start + uniqueDepth].weight
        var total = 0.0
        let d = Double(uniqueDepth + 1)
        var i = uniqueDepth - 1
        while i >= 0 {
            if one != 0 {
                let term = next * d / (Double(i + 1) * one)
                total += term
                next = path[start + i].weight - term * zero * Double(uniqueDepth - i) / d
            } else if zero != 0 {
                total += path[start + i].weight / zero / (Double(uniqueDepth - i) / d)
            }
            i -= 1
        }
        return total
    }
}
