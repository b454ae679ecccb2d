/// The Odds API's usage headers after a call: credits left, used, and what the call cost.
public struct OddsAPIQuota: Sendable, Equatable, Codable {
    /// `x-requests-remaining`.
    public let remaining: Int
    /// `x-requests-used`.
    public let used: Int
    /// `x-requests-last`: what the call cost.
    public let last: Int

    /// Creates a quota reading.
    public init(remaining: Int, used: Int, last: Int) {
        self.remaining = remaining
        self.used = used
        self.last = last
    }

    /// The reading in `headers` (the values are strings), if all three are present.
    init?(headers: [String: String]) {
        guard let remaining = headers["x-requests-remaining"].flatMap({ Int($0) }),
            let used = headers["x-requests-used"].flatMap({ Int($0) }), let last = headers["x-requests-last"].flatMap({ Int($0) })
        else { return nil }
        self.init(remaining: remaining, used: used, last: last)
    }
}
