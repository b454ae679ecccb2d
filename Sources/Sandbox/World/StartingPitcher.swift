import Foundation
/// A starting pitcher of a simulated MLB team's five-man rotation.
public struct StartingPitcher: Sendable, Equatable {
    /// ESPN's athlete id (numeric string), the same every day.
    public let id: String
    /// The full name (`Alex Garcia`).
    public let fullName: String
    /// ESPN's short name (`A. Garcia`).
    public let shortName: String
    /// The jersey number.
    public let jersey: String
    /// The index of his team in the league.
    let team: Int
    /// His place in the rotation, 0 (the ace) to 4.
    public let rotationSlot: Int
    /// The factor on the opponents' expected runs when he starts: 0.85 for the best, 1.15 for the worst,
    /// 1 for an average starter.
    public let runsAllowed: Double

    /// Strikeouts per nine innings: 8.5 for an average starter, more the better he is. His strikeouts and walks
    /// follow his quality, as FIP's components do in real baseball, and a few starts of them tell it far sooner
    /// than his runs allowed (a start's runs vary by √5 against a 7 % spread of quality).
    public var strikeoutsPerNine: Double { 8.5 + 25 * (1 - runsAllowed) }

    /// Walks per nine innings: 3 for an average starter, fewer the better he is.
    public var walksPerNine: Double { 3 - 8 * (1 - runsAllowed) }
}

/// A starter's season so far, as ESPN prints it beside a probable pitcher: `(W-L, ERA)`.
public struct PitchingRecord: Sendable, Equatable {
    /// Decisions won.
    public let wins: Int
    /// Decisions lost.
    public let losses: Int
    /// Earned runs allowed.
    public let earnedRuns: Int
    /// Innings pitched, in outs (3 a full inning).
    public let outs: Int

    /// Earned runs per nine innings; 0 before the first start.
    public var era: Double { outs == 0 ? 0 : Double(earnedRuns) * 27 / Double(outs) }

    /// `(3-1, 2.45)`.
    public var summary: String {
        "(\(wins)-\(losses), \(String(format: "%.2f", era)))"
    }
}
