import Foundation

/// A deterministic stream of random numbers keyed by the world's seed and a path of integers.
///
/// The same key always yields the same numbers, so any part of the world (a day's schedule, a book's
/// quote at one moment) is computed on demand without replaying everything before it.
struct SeededStream: RandomNumberGenerator {
    private var state: UInt64

    /// A stream for `seed` and the integers of `key` (sport, day, slot, book, …).
    init(seed: UInt64, _ key: Int...) {
        var state = Self.mix(seed ^ 0x9E37_79B9_7F4A_7C15)
        for part in key { state = Self.mix(state ^ UInt64(bitPattern: Int64(part))) }
        self.state = state
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A uniform number in the open interval (0, 1).
    mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) / Double(1 << 53)
    }

    /// A standard normal number (Box–Muller).
    mutating func normal() -> Double {
        let u1 = uniform()
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A Poisson number with mean `lambda` (inverse transform; `lambda` is small in the sports we simulate).
    mutating func poisson(_ lambda: Double) -> Int {
        let u = uniform()
        var k = 0
        var probability = exp(-lambda)
        var cumulative = probability
        while cumulative < u && k < 60 {
            k += 1
            probability *= lambda / Double(k)
            cumulative += probability
        }
        return k
    }

    /// SplitMix64's finalizer.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
