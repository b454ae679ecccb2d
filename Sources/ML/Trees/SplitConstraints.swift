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
    /// Added to the hessian when ordering categories by gradient ratio, so rare levels do not jump to the ends; also
    /// the fewest rows a category needs in a node to take part in a many-vs-many split (LightGBM's `cat_smooth`).
    var categorySmoothing = 10.0
    /// Added to ``l2`` in the gains and child values of many-vs-many category splits (LightGBM's `cat_l2`).
    var categoryL2 = 10.0
    /// The most categories the left side of a many-vs-many split may hold (LightGBM's `max_cat_threshold`).
    var maxCategoryThreshold = 32
    /// A categorical feature with at most this many bins (its categories plus the missing bin) is split one
    /// category against the rest (LightGBM's `max_cat_to_onehot`).
    var maxCategoriesForOneHot = 4
    /// Least rows per group of categories added to the left side before a many-vs-many split is tried, and least
    /// rows on its right side (LightGBM's `min_data_per_group`).
    var minDataPerGroup = 100.0

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
