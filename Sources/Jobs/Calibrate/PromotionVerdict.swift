import Foundation

/// Whether a calibrated model may be promoted (or put up for review), and the reason its report and events give.
///
/// A model must pass every threshold and beat, on the same evaluation games, the champion and, under review, the
/// model already in shadow: replacing that one supersedes its request and restarts its shadow period, which a
/// challenger retrained every day but no better would otherwise keep from ever completing.
struct PromotionVerdict: Sendable, Equatable {
    /// A model the candidate is measured against on the same games.
    struct Rival: Sendable, Equatable {
        var id: Int
        var logLoss: Double
    }

    /// True when the candidate is promoted, or becomes a promotion request when promotion is reviewed.
    let passes: Bool
    /// The decision in a sentence.
    let decision: String

    /// The verdict on a candidate of evaluation `logLoss` over `games` games that fails the thresholds named in
    /// `failures` (none: passes them), beside the `champion` and the `shadow` under review, if any.
    init(failures: [String], logLoss: Double, games: Int, champion: Rival?, shadow: Rival?, autoApprove: Bool) {
        if !failures.isEmpty {
            passes = false
            decision = "Kept as challenger: fails \(failures.joined(separator: ", "))."
        } else if let champion, !(logLoss < champion.logLoss) {
            passes = false
            decision = String(
                format: "Kept as challenger: log loss %.4f does not beat champion #%d's %.4f on the same %d games.", logLoss, champion.id,
                champion.logLoss, games)
        } else if let shadow, !(logLoss < shadow.logLoss) {
            passes = false
            decision = String(
                format: "Kept as challenger: log loss %.4f does not beat model #%d's %.4f on the same %d games; that model is in "
                    + "shadow under review and its request stands.", logLoss, shadow.id, shadow.logLoss, games)
        } else {
            passes = true
            var verdict =
                champion.map {
                    String(format: "passes every threshold and beats the champion's log loss %.4f on the same games", $0.logLoss)
                } ?? "passes every threshold; there was no champion"
            if let shadow {
                verdict += String(format: ", and model #%d's %.4f in shadow, whose request it supersedes", shadow.id, shadow.logLoss)
            }
            decision = autoApprove ? "Promoted: \(verdict)." : "Promotion requested: \(verdict). In shadow until an admin reviews it."
        }
    }
}
