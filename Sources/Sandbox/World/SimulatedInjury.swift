import Foundation

/// A player of a simulated team on the injury list, and what his absence costs the team.
struct SimulatedInjury: Sendable, Equatable {
    /// A stable id for the injury (ESPN's entry id).
    let id: String
    /// The player's name.
    let athleteName: String
    /// The player's position.
    let position: String
    /// `Out` / `10-Day-IL` at first, `Day-To-Day` in the last two days.
    let status: String
    /// What is hurt.
    let injuryType: String
    /// When the current status was reported.
    let reportedAt: Date
    /// The day the player is expected back.
    let returnsAt: Date
    /// What the player is worth to his team when he plays: points of margin in basketball, runs of margin
    /// in baseball.
    let impact: Double

    /// The share of his impact a day-to-day player takes away: he plays some of those games, or plays hurt.
    static let dayToDayShare = 0.4

    /// True while the player is listed day-to-day.
    var isDayToDay: Bool { status == "Day-To-Day" }

    /// What the team loses while he is listed: all of his impact when out, part of it when day-to-day.
    var loss: Double { isDayToDay ? Self.dayToDayShare * impact : impact }
}
