import Essentials
import Foundation

/// Predictions as CSV (the seed's prediction history export, 5.4): a header row, then one row per prediction with
/// the columns of `GET /predictions` (component probabilities as one JSON field), numbers as Swift prints them
/// (`.` decimal point), times in ISO 8601 UTC, and empty fields for nulls.
enum PredictionCSV {
    /// The header row.
    static let columns = [
        "id", "game_id", "game_scheduled_at", "model_id", "sport", "bet_type", "selection", "line", "probability",
        "component_probabilities", "price", "fair_price", "edge", "tier", "stake", "pick", "bookmaker", "publication", "published_at",
        "status", "result", "closing_price", "clv", "profit", "sharp_agreement", "hash_version", "prediction_hash", "created_at",
        "settled_at",
    ]

    /// The document: the header and every row.
    static func document(_ predictions: [PredictionView]) -> String {
        var writer = CSVWriter()
        writer.append(columns)
        for p in predictions {
            writer.append([
                String(p.id), String(p.gameId), date(p.gameScheduledAt), String(p.modelId), p.sport, p.betType, p.selection,
                number(p.line), String(p.probability), components(p.componentProbabilities), number(p.price), number(p.fairPrice),
                String(p.edge), p.tier, String(p.stake), String(p.pick), p.bookmaker ?? "", p.publication, date(p.publishedAt),
                p.status, p.result ?? "", number(p.closingPrice), number(p.clv), number(p.profit), p.sharpAgreement.map(String.init) ?? "",
                String(p.hashVersion), p.predictionHash, date(p.createdAt), date(p.settledAt),
            ])
        }
        return writer.text
    }

    private static func number(_ value: Double?) -> String { value.map { String($0) } ?? "" }

    private static func date(_ value: Date?) -> String {
        value.map { $0.formatted(.iso8601) } ?? ""
    }

    /// `{"home":0.61,"market":0.58}`, keys sorted so the same prediction always exports the same bytes.
    private static func components(_ values: [String: Double]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(values)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
