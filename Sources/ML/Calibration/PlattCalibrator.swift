#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif

/// Platt scaling: `p = 1 / (1 + exp(-(a · logit(s) + b)))`, fitted by Newton's method on log loss with Platt's
/// smoothed targets so that separable data does not push the slope to infinity.
public struct PlattCalibrator: Sendable, Equatable, Codable {
    /// Slope on the logit of the score.
    public let slope: Double
    /// Intercept.
    public let intercept: Double

    /// Fits the calibrator to probabilities (or any scores in (0, 1)) and 0/1 labels.
    public init(scores: [Double], labels: [Double]) {
        precondition(scores.count == labels.count && !scores.isEmpty)
        let positives = labels.reduce(0, +)
        let negatives = Double(labels.count) - positives
        let high = (positives + 1) / (positives + 2)
        let low = 1 / (negatives + 2)
        let x = scores.map(Self.logit)
        let t = labels.map { $0 > 0.5 ? high : low }
        func loss(_ a: Double, _ b: Double) -> Double {
            var total = 0.0
            for i in x.indices {
                let z = a * x[i] + b
                // log(1 + e^z) - t·z, computed without overflow.
                total += (z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))) - t[i] * z
            }
            return total
        }
        var a = 1.0
        var b = 0.0
        var current = loss(a, b)
        for _ in 0..<100 {
            var g0 = 0.0, g1 = 0.0, h00 = 1e-12, h01 = 0.0, h11 = 1e-12
            for i in x.indices {
                let p = 1 / (1 + exp(-(a * x[i] + b)))
                let r = p - t[i]
                let w = p * (1 - p)
                g0 += r * x[i]
                g1 += r
                h00 += w * x[i] * x[i]
                h01 += w * x[i]
                h11 += w
            }
            let determinant = h00 * h11 - h01 * h01
            guard determinant > 0 else { break }
            let da = (h11 * g0 - h01 * g1) / determinant
            let db = (h00 * g1 - h01 * g0) / determinant
            // Backtracking: halve the Newton step until the loss does not increase.
            var step = 1.0
            while step > 1e-10 && loss(a - step * da, b - step * db) > current { step /= 2 }
            a -= step * da
            b -= step * db
            let next = loss(a, b)
            let converged = abs(current - next) < 1e-12 * max(1, abs(current))
            current = next
            if converged { break }
        }
        slope = a
        intercept = b
    }

    /// The calibrated probability of one score.
    public func calibrate(_ score: Double) -> Double {
        1 / (1 + exp(-(slope * Self.logit(score) + intercept)))
    }

    /// The calibrated probabilities of many scores.
    public func calibrate(_ scores: [Double]) -> [Double] {
        scores.map { calibrate($0) }
    }

    static func logit(_ p: Double) -> Double {
        let q = min(max(p, 1e-15), 1 - 1e-15)
        return log(q / (1 - q))
    }
}
