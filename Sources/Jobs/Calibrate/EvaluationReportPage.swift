import Foundation
import ML
import Store

/// Renders an `EvaluationReport` as one self-contained HTML page: inline CSS, inline SVG charts, no scripts or
/// external assets, so it can be stored with the model and opened anywhere.
public enum EvaluationReportPage {
    /// The page.
    public static func html(_ report: EvaluationReport) -> String {
        var body = ""
        body += "<h1>\(escape(report.title))</h1>"
        let published = report.publication == .open ? "published when the market opens" : "published on game day"
        body += "<p class=meta>\(escape(report.sport.uppercased())) · \(escape(report.betType)) · \(published) · trained on games from "
        body += "\(day(report.trainingStart)) to \(day(report.trainingEnd)) · feature set \(escape(report.featureSetVersion)) · "
        body += "rows fit/calibrate/evaluate \(report.rows.map(String.init).joined(separator: " / ")) · made \(day(report.createdAt))</p>"
        body += "<p class=decision>\(escape(report.decision))</p>"
        if let pooled = report.pooled { body += section("Promotion check: pooled walk-forward games", pooledTable(pooled, thresholds: report.thresholds)) }
        if let record = report.pickRecord { body += section("Out-of-sample picks against the close", pickRecord(record)) }
        body += section("Metrics on the evaluation window", metricsTable(report))
        if let drawShare = report.drawShare { body += section("Draw share (three-way moneyline)", "<p>\(escape(drawShare))</p>") }
        body += section(
            "Blend",
            "<p>Weights AutoML / Stack / voting: \(report.weights.map { percent($0) }.joined(separator: " / ")); calibration: \(escape(report.calibration)).</p>")
        body += section("Walk-forward validation", walkForward(report))
        body += section("Reliability diagram", reliability(report))
        body += section("Feature importance (permutation, log loss gained)", bars(report.permutationImportance))
        body += section("SHAP summary (mean |SHAP|, \(escape(report.shapModel)))", bars(report.shap))
        body += section("Accuracy by sport and bet type", marketTable(report.markets))
        body += section("ROI backtest", backtest(report.backtest))
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(report.title))</title>
            <style>
            body{font:14px/1.4 system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222}
            h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
            table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #eee;text-align:right}
            th:first-child,td:first-child{text-align:left}.meta{color:#666}.decision{font-weight:600}
            .pass{color:#1a7f37}.fail{color:#c0392b}svg text{font:11px system-ui,sans-serif}
            </style></head><body>
            \(body)
            </body></html>
            """
    }

    // MARK: - Sections

    private static func metricsTable(_ report: EvaluationReport) -> String {
        let t = report.thresholds
        let columns: [(String, String, (BinaryEvaluation) -> Double, (Double) -> Bool)] = [
            ("accuracy", "≥ \(t.accuracy)", \.accuracy, { $0 >= t.accuracy }),
            ("AUC", "≥ \(t.auc)", \.auc, { $0 >= t.auc }),
            ("log loss", "< \(t.logLoss)", \.logLoss, { $0 < t.logLoss }),
            ("Brier", "< \(t.brier)", \.brier, { $0 < t.brier }),
            ("ECE", "< \(t.ece)", \.expectedCalibrationError, { $0 < t.ece }),
        ]
        var html = "<table><tr><th>model</th>" + columns.map { "<th>\($0.0) <small>(\($0.1))</small></th>" }.joined() + "</tr>"
        for score in report.scores {
            html += "<tr><td>\(escape(score.label))</td>"
            for column in columns {
                let value = column.2(score.evaluation)
                html += "<td class=\(column.3(value) ? "pass" : "fail")>\(number(value))</td>"
            }
            html += "</tr>"
        }
        return html + "</table>"
    }

    private static func pooledTable(_ pooled: PooledEvaluation, thresholds t: PromotionThresholds) -> String {
        var html = "<p>The thresholds are judged on \(pooled.rows) games: \(pooled.trainingRows) of the training window, each predicted "
        html += "by models fitted on earlier games only (walk-forward out of fold), and the \(pooled.evaluationRows) of the evaluation window. "
        html += "The market is the no-vig line the learners start from, on the same games.</p>"
        html += "<table><tr><th>on \(pooled.rows) games</th><th>log loss <small>(&lt; \(t.logLoss))</small></th><th>AUC <small>(≥ \(t.auc))</small></th>"
        html += "<th>ECE <small>(&lt; \(t.ece))</small></th><th>Brier <small>(&lt; \(t.brier))</small></th><th>accuracy <small>(≥ \(t.accuracy))</small></th></tr>"
        for (label, e) in [("model (calibrated)", pooled.model), ("market (prior)", pooled.prior)] {
            html += "<tr><td>\(label)</td><td>\(number(e.logLoss))</td><td>\(number(e.auc))</td><td>\(number(e.expectedCalibrationError))</td>"
            html += "<td>\(number(e.brier))</td><td>\(percent(e.accuracy))</td></tr>"
        }
        html += "</table><p>Model minus market log loss per game: \(String(format: "%+.4f ± %.4f", pooled.logLossDifference, pooled.standardError)) "
        return html + "(one standard error): the model <b>\(pooled.verdict)</b>. \(escape(pooled.departures()))</p>"
    }

    private static func walkForward(_ report: EvaluationReport) -> String {
        var html = "<p>AutoML leaderboard, scored out of fold on walk-forward splits (each fold trains on the past only)"
        html += report.learnsFromTheClose
            ? " against each game's fair close where it has one, which is what the learners fit (it knows where the line went with "
                + "far less noise than one result; the model is judged on the results below): each "
            : ": each "
        html += "learner as it learnt, and anchored to the market (what it becomes; at weight 0 it is the market). Ranked on what "
        html += "each takes off the market's log loss on its own games: a stacked ensemble is scored on later games than its members.</p>"
        html += "<table><tr><th>model</th><th>games</th><th>AUC</th><th>log loss</th><th>Brier</th><th>anchored AUC</th><th>anchored log loss</th>"
        html += "<th>market log loss</th><th>fit s</th></tr>"
        for entry in report.leaderboard.prefix(10) {
            html += "<tr><td>\(escape(entry.name))</td><td>\(entry.rows.map(String.init) ?? "")</td><td>\(number(entry.auc))</td><td>\(number(entry.logLoss))</td>"
            html += "<td>\(number(entry.brier))</td><td>\(entry.anchoredAUC.map(number) ?? "")</td><td>\(entry.anchoredLogLoss.map(number) ?? "")</td>"
            html += "<td>\(entry.marketLogLoss.map(number) ?? "")</td><td>\(String(format: "%.1f", entry.fitSeconds))</td></tr>"
        }
        html += "</table><p>The calibrated model on the evaluation window, week by week:</p>"
        html += "<table><tr><th>week of</th><th>games</th><th>accuracy</th><th>log loss</th></tr>"
        for period in report.periods {
            html += "<tr><td>\(day(period.start))</td><td>\(period.rows)</td><td>\(percent(period.accuracy))</td><td>\(number(period.logLoss))</td></tr>"
        }
        return html + "</table>"
    }

    private static func reliability(_ report: EvaluationReport) -> String {
        guard let calibrated = report.scores.first?.evaluation.reliability else { return "" }
        let size = 300.0
        let pad = 36.0
        var svg = "<svg width=\(Int(size + 2 * pad)) height=\(Int(size + 2 * pad)) role=img aria-label=\"reliability diagram\">"
        svg += "<rect x=\(pad) y=\(pad) width=\(size) height=\(size) fill=none stroke=#ccc />"
        svg += "<line x1=\(pad) y1=\(pad + size) x2=\(pad + size) y2=\(pad) stroke=#999 stroke-dasharray=4 />"
        for tick in stride(from: 0.0, through: 1.0, by: 0.25) {
            svg += "<text x=\(pad + tick * size - 8) y=\(pad + size + 16)>\(tick)</text>"
            svg += "<text x=4 y=\(pad + size - tick * size + 4)>\(tick)</text>"
        }
        let points = calibrated.bins.filter { $0.count > 0 }
        let maxCount = Double(points.map(\.count).max() ?? 1)
        let path = points.map { "\(pad + $0.meanPredicted * size),\(pad + size - $0.observedRate * size)" }.joined(separator: " ")
        svg += "<polyline points=\"\(path)\" fill=none stroke=#2563eb stroke-width=2 />"
        for bin in points {
            let radius = 3 + 6 * Double(bin.count) / maxCount
            svg += "<circle cx=\(pad + bin.meanPredicted * size) cy=\(pad + size - bin.observedRate * size) r=\(String(format: "%.1f", radius)) fill=#2563eb fill-opacity=.5><title>\(bin.count) games: predicted \(number(bin.meanPredicted)), observed \(number(bin.observedRate))</title></circle>"
        }
        svg += "<text x=\(pad + size / 2 - 40) y=\(pad + size + 32)>predicted probability</text></svg>"
        return svg
            + "<p>ECE \(number(calibrated.expectedCalibrationError)), MCE \(number(calibrated.maximumCalibrationError)) on the evaluation "
            + "window; dot size: games in the bin.</p>"
    }

    private static func bars(_ items: [EvaluationReport.Importance]) -> String {
        let shown = Array(items.prefix(15))
        guard let top = shown.map({ abs($0.value) }).max(), top > 0 else { return "<p>Not available.</p>" }
        let width = 360.0
        let label = 230.0
        var svg = "<svg width=\(Int(label + width + 70)) height=\(shown.count * 20 + 10) role=img aria-label=\"feature importance\">"
        for (index, item) in shown.enumerated() {
            let y = Double(index * 20 + 4)
            let length = max(1, width * abs(item.value) / top)
            svg += "<text x=0 y=\(y + 12)>\(escape(item.feature))</text>"
            svg += "<rect x=\(label) y=\(y) width=\(String(format: "%.1f", length)) height=14 fill=\(item.value >= 0 ? "#2563eb" : "#c0392b") />"
            svg += "<text x=\(label + length + 4) y=\(y + 12)>\(number(item.value))</text>"
        }
        return svg + "</svg>"
    }

    private static func marketTable(_ markets: [EvaluationReport.MarketScore]) -> String {
        var html = "<table><tr><th>sport</th><th>bet type</th><th>model</th><th>accuracy</th><th>AUC</th><th>log loss</th></tr>"
        for market in markets {
            html += "<tr><td>\(escape(market.sport))</td><td>\(escape(market.betType))</td><td>#\(market.modelID)</td>"
            html += "<td>\(percent(market.accuracy))</td><td>\(number(market.auc))</td><td>\(number(market.logLoss))</td></tr>"
        }
        return html + "</table>"
    }

    private static func pickRecord(_ record: PickRecord) -> String {
        var html = "<p>The picks the model would have published on the pooled games above (each at the best price before that "
        html += "game's features were taken, only the side with the larger edge, tier C or better), measured against the close. "
        html += "Against the fair close (each book's closing line less its margin, the median over books) a pick's CLV is what it "
        html += "returns on average if the close was right; against the closing prices the margin counts as value. Picks are "
        html += "published only while their mean CLV against the fair close is positive.</p>"
        html += "<table><tr><th>picks</th><th>with a fair close</th><th>mean CLV, fair close</th><th>± (one standard error)</th>"
        html += "<th>mean CLV, closing prices</th><th>flat ROI</th></tr>"
        html += "<tr><td>\(record.picks)</td><td>\(record.withClose)</td><td>\(String(format: "%+.2f%%", record.meanFairCLV * 100))</td>"
        html += "<td>\(String(format: "%.2f%%", record.standardError * 100))</td><td>\(String(format: "%+.2f%%", record.meanCLV * 100))</td>"
        html += "<td>\(percent(record.roi))</td></tr></table>"
        return html + "<p>\(escape(record.summary))</p>"
    }

    private static func backtest(_ backtest: EvaluationReport.Backtest) -> String {
        var html = "<p>Every evaluation game where the calibrated probability beat the best available price before the start, "
        html += "staked by the platform's Kelly policy: \(backtest.bets.count) bets, \(number(backtest.staked)) units staked, "
        html += "profit \(number(backtest.profit)), ROI \(percent(backtest.roi)); \(backtest.unpriced) games had no price.</p>"
        html += "<table><tr><th>tier</th><th>bets</th><th>won</th><th>accuracy</th><th>ROI</th></tr>"
        for tier in ["A", "B", "C", "D"] {
            let bets = backtest.bets.filter { $0.tier == tier }
            guard !bets.isEmpty else { continue }
            let staked = bets.reduce(0) { $0 + $1.stake }
            let profit = bets.reduce(0) { $0 + $1.profit }
            let won = bets.filter(\.won).count
            html += "<tr><td>\(tier)</td><td>\(bets.count)</td><td>\(won)</td><td>\(percent(Double(won) / Double(bets.count)))</td>"
            html += "<td>\(staked > 0 ? percent(profit / staked) : "–")</td></tr>"
        }
        html += "</table>"
        guard backtest.bets.count >= 2 else { return html }
        var cumulative = [0.0]
        for bet in backtest.bets { cumulative.append(cumulative.last! + bet.profit) }
        let low = min(0, cumulative.min()!)
        let high = max(0, cumulative.max()!)
        let span = max(high - low, 1e-9)
        let width = 560.0
        let height = 180.0
        func y(_ value: Double) -> Double { 10 + height * (high - value) / span }
        let step = width / Double(cumulative.count - 1)
        let path = cumulative.enumerated().map { "\(40 + Double($0.offset) * step),\(String(format: "%.1f", y($0.element)))" }
            .joined(separator: " ")
        var svg = "<svg width=\(Int(width + 50)) height=\(Int(height + 30)) role=img aria-label=\"cumulative profit\">"
        svg += "<line x1=40 x2=\(40 + width) y1=\(y(0)) y2=\(y(0)) stroke=#999 stroke-dasharray=4 />"
        svg += "<polyline points=\"\(path)\" fill=none stroke=\(cumulative.last! >= 0 ? "#1a7f37" : "#c0392b") stroke-width=2 />"
        svg += "<text x=0 y=\(y(high) + 4)>\(number(high))</text><text x=0 y=\(y(low) + 4)>\(number(low))</text>"
        svg += "<text x=\(40 + width / 2 - 60) y=\(height + 26)>bets in time order</text></svg>"
        return html + svg
    }

    // MARK: - Formatting

    private static func section(_ title: String, _ content: String) -> String {
        "<h2>\(escape(title))</h2>\(content)"
    }

    private static func number(_ value: Double) -> String {
        value.isFinite ? String(format: "%.4f", value) : "–"
    }

    private static func percent(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f%%", value * 100) : "–"
    }

    private static func day(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day())
    }

    /// Escapes text for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
