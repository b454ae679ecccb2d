import Essentials
import Foundation
import Postgres

/// The canonical content of a prediction and its SHA-256, which makes it tamper-evident.
///
/// Canonical content (version 1) is compact JSON with keys in byte order and no spaces:
/// `bet_type`, `component_probabilities` (an object, keys in byte order), `edge`, `game_id`,
/// `line`, `model_id`, `price`, `probability`, `selection`, `sport`, `stake`, `tier`.
/// Absent optionals are `null`; integers print as integers; other numbers print as Swift's
/// shortest round-trip `Double.description` (`0.55`, `-3.5`, `1e-05`). Fields that change
/// after the prediction is made (status, result, CLV, settlement time) are not part of it.
///
/// Version 2 (predictions with `hashVersion` 2: every publication since picks) adds what is published with
/// the pick: `bookmaker` (text or `null`), `hash_version` (2), `pick` (`true`/`false`), `publication`
/// (`open`/`game_day`) and `published_at` (ISO 8601 UTC to the second, `2026-11-28T15:00:00Z`, or `null`),
/// all in the same byte order. A prediction is verified under the version it was stored with.
public enum PredictionFingerprint {
    /// The version new publications are hashed with.
    public static let currentVersion = 2

    /// The canonical JSON text of `prediction`, in the version `prediction.hashVersion`.
    public static func canonicalContent(of prediction: Prediction) -> String {
        let components = prediction.componentProbabilities.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            .map { "\(quoted($0.key)):\(number($0.value))" }.joined(separator: ",")
        let bookmaker: String = prediction.bookmaker.map { quoted($0) } ?? "null"
        // Whole seconds: publications are made on them, and the text drops fractions.
        let publishedAt: String = prediction.publishedAt.map { quoted(DateText.utcTimestamp($0)) } ?? "null"
        let line: String = prediction.line.map { number($0) } ?? "null"
        let price: String = prediction.price.map { number($0) } ?? "null"
        let all: [(String, String)] = [
            ("bet_type", quoted(prediction.betType.rawValue)),
            ("bookmaker", bookmaker),
            ("component_probabilities", "{\(components)}"),
            ("edge", number(prediction.edge)),
            ("game_id", String(prediction.gameID)),
            ("hash_version", String(prediction.hashVersion)),
            ("line", line),
            ("model_id", String(prediction.modelID)),
            ("pick", prediction.pick ? "true" : "false"),
            ("price", price),
            ("probability", number(prediction.probability)),
            ("publication", quoted(prediction.publication.rawValue)),
            ("published_at", publishedAt),
            ("selection", quoted(prediction.selection)),
            ("sport", quoted(prediction.sport)),
            ("stake", number(prediction.stake)),
            ("tier", quoted(prediction.tier.rawValue)),
        ]
        let fields = prediction.hashVersion >= 2 ? all : all.filter { !Self.addedInVersion2.contains($0.0) }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// The lowercase hex SHA-256 of the canonical content.
    public static func hash(of prediction: Prediction) -> String {
        Digest.sha256.hex(canonicalContent(of: prediction).utf8)
    }

    private static let addedInVersion2: Set<String> = ["bookmaker", "hash_version", "pick", "publication", "published_at"]

    private static func number(_ value: Double) -> String { value.description }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
