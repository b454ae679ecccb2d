import Foundation
import Store

/// The "Shadow period" section the report of a model under promotion review gets when it is served: its forecasts
/// beside the champion's on the games settled since it went into shadow. The stored page was written at calibration,
/// before any of those games were played, so this part is computed on each read.
enum ShadowComparisonSection {
    /// The section, as HTML.
    static func html(_ comparison: ShadowComparison, request: PromotionRequest?) -> String {
        var html = "<h2>Shadow period</h2>"
        if let request {
            html += "<p>Promotion request #\(request.id): \(request.status.rawValue)"
            html += request.championID.map { ", beside champion #\($0)" } ?? ", no champion to replace"
            html += ". \(comparison.forecasts) forecasts stored, never published.</p>"
        } else {
            html += "<p>\(comparison.forecasts) forecasts stored, never published.</p>"
        }
        html += "<table><tr><th>on settled games</th><th>games</th><th>log loss</th><th>Brier</th><th>ECE</th><th>ECE if calibrated</th></tr>"
        html += row("shadow, paired", comparison.pairedShadow)
        html += row("champion, paired", comparison.pairedChampion)
        html += row("shadow, all settled", comparison.shadow)
        html += "</table>"
        if let difference = comparison.logLossDifference {
            html += String(
                format: "<p>Shadow log loss minus champion's on the same %d games: %+.4f (negative: the shadow is better).</p>",
                comparison.pairedShadow.count, difference)
        } else {
            html += "<p>No game both forecast has settled yet.</p>"
        }
        return html
    }

    /// `page` with the section added at the end of its body.
    static func inserting(_ section: String, into page: String) -> String {
        guard let end = page.range(of: "</body>", options: .backwards) else { return page + section }
        return page.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: section)
    }

    private static func row(_ label: String, _ quality: ForecastQuality) -> String {
        "<tr><td>\(label)</td><td>\(quality.count)</td><td>\(number(quality.logLoss))</td><td>\(number(quality.brier))</td>"
            + "<td>\(number(quality.ece))</td><td>\(number(quality.eceIfCalibrated))</td></tr>"
    }

    private static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.4f", value)
    }
}
