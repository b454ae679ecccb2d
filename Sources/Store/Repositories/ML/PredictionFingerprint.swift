import Foundation

/// The canonical content of a prediction and its SHA-256, which makes it tamper-evident.
///
/// Canonical content (version 1) is compact JSON with keys in byte order and no spaces:
/// `bet_type`, `component_probabilities` (an object, keys in byte order), `edge`, `game_id`,
/// `line`, `model_id`, `price`, `probability`, `selection`, `sport`, `stake`, `tier`.
/// Absent optionals are `null`; integers print as integers; other numbers print as Swift's
/// shortest round-trip `Double.description` (`0.55`, `-3.5`, `1e-05`). Fields that change
/// after the prediction is made (status, result, CLV, timestamps) are not part of it.
public enum PredictionFingerprint {
    /// The canonical JSON text of `prediction`.
    public static func canonicalContent(of prediction: Prediction) -> String {
        let components = prediction.componentProbabilities.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            .map { "\(quoted($0.key)):\(number($0.value))" }.joined(separator: ",")
        let fields: [(String, String)] = [
            ("bet_type", quoted(prediction.betType.rawValue)),
            ("component_probabilities", "{\(components)}"),
            ("edge", number(prediction.edge)),
            ("game_id", String(prediction.gameID)),
            ("line", prediction.line.map(number) ?? "null"),
            ("model_id", String(prediction.modelID)),
            ("price", prediction.price.map(number) ?? "null"),
            ("probability", number(prediction.probability)),
            ("selection", quoted(prediction.selection)),
            ("sport", quoted(prediction.sport)),
            ("stake", number(prediction.stake)),
            ("tier", quoted(prediction.tier.rawValue)),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// The lowercase hex SHA-256 of the canonical content.
    public static func hash(of prediction: Prediction) -> String {
        SHA256Digest.hex(of: canonicalContent(of: prediction).utf8)
    }

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
