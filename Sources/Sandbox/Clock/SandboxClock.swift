import Foundation
import Synchronization

/// The world's time: it runs from a start date at `speed` times real time, and tests can move it by hand.
///
/// A speed of 0 freezes the world (the same request then always gets the same answer); `advance(by:)`
/// moves it on in one step.
public final class SandboxClock: Sendable {
    private struct Anchor {
        var real: ContinuousClock.Instant
        var world: Date
        var speed: Double
    }

    private let anchor: Mutex<Anchor>

    /// A clock showing `start` now and running at `speed` times real time.
    public init(start: Date, speed: Double) {
        anchor = Mutex(Anchor(real: .now, world: start, speed: speed))
    }

    /// The world's current time.
    public var now: Date {
        anchor.withLock { anchor in Self.worldTime(anchor, at: .now) }
    }

    /// Moves the world on by `seconds` of world time.
    public func advance(by seconds: TimeInterval) {
        anchor.withLock { anchor in
            let real = ContinuousClock.Instant.now
            anchor.world = Self.worldTime(anchor, at: real).addingTimeInterval(seconds)
            anchor.real = real
        }
    }

    private static func worldTime(_ anchor: Anchor, at real: ContinuousClock.Instant) -> Date {
        let elapsed = anchor.real.duration(to: real)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return anchor.world.addingTimeInterval(seconds * anchor.speed)
    }
}
