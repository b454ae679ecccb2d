#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// The loss a gradient-boosted model minimizes.
public enum BoostingObjective: String, Sendable, Codable, CaseIterable {
    /// Binary classification with labels 0/1; margins are log-odds.
    case binaryLogLoss
    /// Regression with squared error; margins are predictions.
    case squaredError

    /// The constant margin that, added to `offsets` (all zero when nil), minimizes the loss on `labels`: where
    /// boosting starts.
    func initialMargin(_ labels: [Double], offsets: [Double]? = nil) -> Double {
        let mean = labels.reduce(0, +) / Double(max(1, labels.count))
        switch self {
        case .binaryLogLoss:
            if let offsets { return MarketPrior.intercept(labels: labels, offsets: offsets) }
            let p = min(max(mean, 1e-15), 1 - 1e-15)
            return log(p / (1 - p))
        case .squaredError:
            guard let offsets else { return mean }
            return mean - offsets.reduce(0, +) / Double(max(1, offsets.count))
        }
    }

    /// Fills per-row gradients and hessians of the loss at `margins`, over blocks of rows on `threads` threads.
    func gradients(margins: [Double], labels: [Double], gradients: inout [Float], hessians: inout [Float], threads: Int) {
        let objective = self
        let count = margins.count
        gradients.withUnsafeMutableBufferPointer { g in
            hessians.withUnsafeMutableBufferPointer { h in
                let g = DisjointWriteBuffer(g)
                let h = DisjointWriteBuffer(h)
                Parallel.forEachChunk(count: count, chunks: count < 10_000 ? 1 : threads) { rows in
                    margins.withUnsafeBufferPointer { margins in
                        labels.withUnsafeBufferPointer { labels in
                            switch objective {
                            case .binaryLogLoss:
                                for i in rows {
                                    let p = 1 / (1 + exp(-margins[i]))
                                    g[i] = Float(p - labels[i])
                                    h[i] = Float(max(p * (1 - p), 1e-16))
                                }
                            case .squaredError:
                                for i in rows {
                                    g[i] = Float(margins[i] - labels[i])
                                    h[i] = 1
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Maps a margin to the model's output: a probability for log loss, the value itself for squared error.
    @inline(__always)
    public func transform(_ margin: Double) -> Double {
        switch self {
        case .binaryLogLoss: 1 / (1 + exp(-margin))
        case .squaredError: margin
        }
    }

    /// The mean loss of `margins` on `labels` (log loss or mean squared error): what early stopping watches.
    func loss(margins: [Double], labels: [Double]) -> Double {
        switch self {
        case .binaryLogLoss: BinaryMetrics.logLoss(labels: labels, probabilities: margins.map(transform))
        case .squaredError: zip(margins, labels).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(max(1, labels.count))
        }
    }
}
