import Foundation

/// A player of a simulated team on the injury list.
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
}
