/// The values one field of a cron expression allows, as a bit set over 0...63.
struct CronField: Hashable, Sendable {
    /// Bit `n` is set when the value `n` is allowed.
    private(set) var bits: UInt64

    /// Whether the field was written starting with `*` (`*`, `*/5`).
    ///
    /// Cron gives such fields two special meanings: a `*` day-of-month or day-of-week
    /// leaves the other day field alone (instead of either one matching), and an
    /// expression with a `*` minute or hour runs by elapsed time across daylight-saving
    /// changes.
    let isWildcard: Bool

    init(values: some Sequence<Int>, isWildcard: Bool) {
        var bits: UInt64 = 0
        for value in values { bits |= 1 << UInt64(value) }
        self.bits = bits
        self.isWildcard = isWildcard
    }

    func contains(_ value: Int) -> Bool {
        value >= 0 && value < 64 && bits & (1 << UInt64(value)) != 0
    }

    /// The smallest allowed value that is at least `value`, if any.
    func first(atLeast value: Int) -> Int? {
        guard value < 64 else { return nil }
        let remaining = bits >> UInt64(max(value, 0))
        guard remaining != 0 else { return nil }
        return max(value, 0) + remaining.trailingZeroBitCount
    }

    /// The smallest allowed value.
    var minimum: Int? { first(atLeast: 0) }
}
