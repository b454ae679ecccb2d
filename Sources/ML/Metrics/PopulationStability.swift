#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The population stability index (PSI) of one feature: how far its distribution in a current sample moved from a
/// reference sample (the model's training rows).
///
/// The reference's deciles cut both samples into bins, and a missing value is a bin of its own, so a feature that stops
/// arriving drifts as surely as one whose values move. PSI = Σ (current share − reference share) × ln(current share ÷
/// reference share). The usual reading: below 0.1 stable, 0.1 to 0.25 a moderate shift, 0.25 or more a significant one.
///
/// Two samples of one distribution score above 0 by chance, by about (bins − 1) × (1/n₁ + 1/n₂): 0.6 for two samples of
/// 30 over ten bins, so small samples alone would read as significant drift. PSI ÷ (1/n₁ + 1/n₂) is close to χ² with
/// bins − 1 degrees of freedom when nothing moved, so ``level`` calls a shift moderate or significant only when it is
/// also beyond chance: above that distribution's 99th percentile.
public struct PopulationStability: Sendable, Equatable {
    /// How far a distribution moved, by the usual PSI thresholds; or `unseen`: the reference never had a value of the
    /// feature and the current sample has. A model trained on those rows could not learn from the feature (a learner
    /// reads a value missing from every row as nothing: no split, a zero coefficient), so its arrival does not move the
    /// model's forecasts; it is a reason to retrain, not a shift the model suffers. An injury list that began to be
    /// collected after the training games is one.
    public enum Level: String, Sendable, CaseIterable {
        case stable, moderate, significant, unseen
    }

    /// The index, 0 when the two samples fill the bins alike.
    public var index: Double
    /// What two samples of one distribution, of these sizes over these bins, score on average.
    public var chanceIndex: Double
    /// Whether ``index`` is above what chance gives in 99 cases of 100.
    public var beyondChance: Bool
    /// The share of the reference and of the current sample without a value.
    public var referenceMissing: Double
    public var currentMissing: Double
    /// The means of the present values; nil where a sample has none.
    public var referenceMean: Double?
    public var currentMean: Double?

    /// The level of ``index``.
    public var level: Level {
        if referenceMissing == 1, currentMissing < 1 { return .unseen }
        guard beyondChance else { return .stable }
        return index >= 0.25 ? .significant : index >= 0.1 ? .moderate : .stable
    }

    /// Compares `current` with `reference` over `bins` quantile bins of the reference (fewer where its values repeat);
    /// nil when either sample is empty.
    public init?(reference: [Double?], current: [Double?], bins: Int = 10) {
        guard !reference.isEmpty, !current.isEmpty, bins > 0 else { return nil }
        let present = reference.compactMap { $0 }.filter(\.isFinite).sorted()
        var edges: [Double] = []
        if !present.isEmpty {
            for k in 1..<bins {
                let edge = present[min(present.count - 1, k * present.count / bins)]
                if edges.last != edge { edges.append(edge) }
            }
        }
        let referenceCounts = Self.counts(reference, edges: edges)
        let currentCounts = Self.counts(current, edges: edges)
        // A bin's share is (count + ½) ÷ (n + ½ × bins), Jeffreys' prior: an empty bin would make the logarithm
        // infinite. A fixed floor in its place (1e-4) made an empty bin of a small sample, which chance gives often,
        // worth 0.7 on its own: 39 % of 22-game samples of the reference's own distribution then read as beyond chance
        // against 4,546 reference games, where 1 % should.
        func shares(_ counts: [Double]) -> [Double] {
            let total = counts.reduce(0, +) + 0.5 * Double(counts.count)
            return counts.map { ($0 + 0.5) / total }
        }
        index = zip(shares(referenceCounts), shares(currentCounts)).reduce(0) { sum, pair in
            sum + (pair.1 - pair.0) * log(pair.1 / pair.0)
        }
        // Bins empty on both sides add little, and are no degrees of freedom.
        let used = zip(referenceCounts, currentCounts).filter { $0.0 > 0 || $0.1 > 0 }.count
        let freedom = Double(max(1, used - 1))
        let scale = 1 / Double(reference.count) + 1 / Double(current.count)
        chanceIndex = freedom * scale
        beyondChance = index / scale > Self.chiSquare99(freedom)
        referenceMissing = referenceCounts[referenceCounts.count - 1] / Double(reference.count)
        currentMissing = currentCounts[currentCounts.count - 1] / Double(current.count)
        referenceMean = Self.mean(of: present)
        currentMean = Self.mean(of: current.compactMap { $0 }.filter(\.isFinite))
    }

    /// How many of `values` fall in each bin: bin i holds values above i edges and not above the next, the last bin
    /// the missing ones (nil or not finite).
    private static func counts(_ values: [Double?], edges: [Double]) -> [Double] {
        var counts = [Double](repeating: 0, count: edges.count + 2)
        for value in values {
            guard let value, value.isFinite else {
                counts[edges.count + 1] += 1
                continue
            }
            var low = 0
            var high = edges.count
            while low < high {
                let middle = (low + high) / 2
                if edges[middle] < value { low = middle + 1 } else { high = middle }
            }
            counts[low] += 1
        }
        return counts
    }

    /// The 99th percentile of χ² with `freedom` degrees of freedom, by Wilson and Hilferty's cube-root normal
    /// approximation (within a few percent from one degree of freedom up).
    static func chiSquare99(_ freedom: Double) -> Double {
        let z = 2.326_347_874
        let v = 2 / (9 * freedom)
        return freedom * pow(1 - v + z * v.squareRoot(), 3)
    }

    private static func mean(of present: [Double]) -> Double? {
        present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
    }
}
