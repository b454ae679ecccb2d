extension Duration {
    /// Whole milliseconds, rounded down, never negative: what Redis `PX` arguments and libuv timers take.
    public var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
