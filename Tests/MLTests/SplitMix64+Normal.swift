import Foundation

@testable import ML

extension SplitMix64 {
    /// A standard normal draw (Box–Muller, from two unit draws), for generated problems.
    mutating func nextNormal() -> Double {
        let u = max(nextUnit(), 1e-12)
        let v = nextUnit()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
