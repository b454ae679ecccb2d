/// A binary decision tree stored as flat arrays, LightGBM style.
///
/// Internal nodes are numbered `0..<internalCount`; a child reference `c < 0` names leaf `~c`. A tree with no
/// internal node is a single leaf. Covers are training row counts (bootstrap-weighted for forests), which is what
/// TreeSHAP needs to weigh the paths a row does not take.
public struct DecisionTree: Sendable, Equatable, Codable {
    /// The feature each internal node tests.
    public private(set) var splitFeature: [Int32] = []
    /// Numerical nodes: the last bin that goes left.
    public private(set) var thresholdBin: [UInt8] = []
    /// Numerical nodes: raw values `<= threshold` go left.
    public private(set) var threshold: [Float] = []
    /// Where each node sends missing values.
    public private(set) var defaultLeft: [Bool] = []
    /// Categorical nodes: index of their category set in `categoryWords` (4 words each); `-1` for numerical nodes.
    public private(set) var categorySet: [Int32] = []
    /// Category sets of categorical nodes, 256 bits (4 words) per set.
    public private(set) var categoryWords: [UInt64] = []
    /// Left child of each internal node (`< 0`: leaf `~child`).
    public private(set) var leftChild: [Int32] = []
    /// Right child of each internal node (`< 0`: leaf `~child`).
    public private(set) var rightChild: [Int32] = []
    /// The loss reduction each internal node achieved on the training rows.
    public private(set) var splitGain: [Double] = []
    /// Training rows (or weight) that reached each internal node.
    public private(set) var internalCover: [Double] = []
    /// The output of each leaf (already scaled by the learning rate for boosting).
    public internal(set) var leafValue: [Double]
    /// Training rows (or weight) that reached each leaf.
    public private(set) var leafCover: [Double]
    /// The internal node above each leaf (`-1` for the root leaf of a one-leaf tree).
    private var leafParent: [Int32]

    /// A tree made of a single leaf.
    init(leafValue: Double, cover: Double) {
        self.leafValue = [leafValue]
        self.leafCover = [cover]
        self.leafParent = [-1]
    }

    /// The number of leaves.
    public var leafCount: Int { leafValue.count }
    /// The number of internal nodes.
    public var internalCount: Int { splitFeature.count }

    /// Splits `leaf` with `rule`: the left child keeps the leaf's number, the right child is a new leaf, whose number is returned.
    @discardableResult
    mutating func split(
        leaf: Int, rule: SplitRule, gain: Double,
        left: (value: Double, cover: Double), right: (value: Double, cover: Double)
    ) -> Int {
        let node = Int32(splitFeature.count)
        let parent = leafParent[leaf]
        if parent >= 0 {
            if leftChild[Int(parent)] == ~Int32(leaf) { leftChild[Int(parent)] = node } else { rightChild[Int(parent)] = node }
        }
        let newLeaf = leafValue.count
        splitFeature.append(Int32(rule.feature))
        thresholdBin.append(rule.thresholdBin)
        threshold.append(rule.threshold)
        defaultLeft.append(rule.defaultLeft)
        if let categories = rule.categories {
            categorySet.append(Int32(categoryWords.count / 4))
            for word in 0..<4 { categoryWords.append(categories[word]) }
        } else {
            categorySet.append(-1)
        }
        leftChild.append(~Int32(leaf))
        rightChild.append(~Int32(newLeaf))
        splitGain.append(gain)
        internalCover.append(left.cover + right.cover)
        leafValue[leaf] = left.value
        leafCover[leaf] = left.cover
        leafParent[leaf] = node
        leafValue.append(right.value)
        leafCover.append(right.cover)
        leafParent.append(node)
        return newLeaf
    }

    /// Whether internal node `node` sends a binned value left.
    @inline(__always)
    func goesLeft(node: Int, bin: UInt8) -> Bool {
        if bin == QuantileBinner.missingBin { return defaultLeft[node] }
        let set = Int(categorySet[node])
        if set < 0 { return bin <= thresholdBin[node] }
        return categoryWords[set * 4 + Int(bin >> 6)] >> UInt64(bin & 63) & 1 == 1
    }

    /// Whether internal node `node` sends a raw value left.
    @inline(__always)
    func goesLeft(node: Int, value: Float) -> Bool {
        if value.isNaN { return defaultLeft[node] }
        let set = Int(categorySet[node])
        if set < 0 { return value <= threshold[node] }
        guard value >= 0 && value < 255 else { return defaultLeft[node] }
        let code = Int(value)
        return categoryWords[set * 4 + (code >> 6)] >> UInt64(code & 63) & 1 == 1
    }

    /// The leaf a row of a column-major raw table reaches.
    @inline(__always)
    func leaf(row: Int, values: UnsafeBufferPointer<Float>, rowCount: Int) -> Int {
        leaf(row: row, rowCount: rowCount) { node, cell in goesLeft(node: node, value: values[cell]) }
    }

    /// The leaf a row of a binned table reaches.
    @inline(__always)
    func leaf(row: Int, bins: UnsafeBufferPointer<UInt8>, rowCount: Int) -> Int {
        leaf(row: row, rowCount: rowCount) { node, cell in goesLeft(node: node, bin: bins[cell]) }
    }

    /// The leaf a row of a column-major table reaches, `goesLeft` telling at each node whether the row's cell of the
    /// node's feature (its index in the table) sends it left.
    @inline(__always)
    private func leaf(row: Int, rowCount: Int, goesLeft: (_ node: Int, _ cell: Int) -> Bool) -> Int {
        guard !splitFeature.isEmpty else { return 0 }
        var node: Int32 = 0
        while node >= 0 {
            let n = Int(node)
            node = goesLeft(n, Int(splitFeature[n]) * rowCount + row) ? leftChild[n] : rightChild[n]
        }
        return Int(~node)
    }

    /// The depth of the deepest leaf (0 for a single leaf).
    public var depth: Int {
        guard !splitFeature.isEmpty else { return 0 }
        var deepest = 0
        var stack: [(node: Int32, depth: Int)] = [(0, 0)]
        while let (node, depth) = stack.popLast() {
            if node < 0 {
                deepest = max(deepest, depth)
            } else {
                stack.append((leftChild[Int(node)], depth + 1))
                stack.append((rightChild[Int(node)], depth + 1))
            }
        }
        return deepest
    }
}
