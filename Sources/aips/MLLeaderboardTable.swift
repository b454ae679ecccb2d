import Foundation
import ML

/// Renders an AutoML leaderboard as a fixed-width text table.
struct MLLeaderboardTable {
    let entries: [LeaderboardEntry]

    var rendered: String {
        var lines = ["rank  model                           cv_auc   cv_logloss  cv_brier  seconds"]
        for (rank, entry) in entries.enumerated() {
            let name = entry.name.padding(toLength: 30, withPad: " ", startingAt: 0)
            let figures = String(format: "%.5f  %.5f     %.5f  %7.2f", entry.auc, entry.logLoss, entry.brier, entry.fitSeconds)
            lines.append(String(format: "%4d", rank + 1) + "  " + name + "  " + figures)
        }
        return lines.joined(separator: "\n")
    }
}
