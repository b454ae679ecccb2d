import ArgumentParser
import Foundation
import ML

/// `aips ml predict`: scores a CSV file with a model saved by `aips ml train --save`.
struct MLPredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Score a CSV file with a saved model: print AUC, log loss, Brier and ECE when it has the target, else one probability per row."
    )

    @Option(help: "Model archive written by `aips ml train --save`.")
    var model: String

    @Option(help: "CSV file with the model's feature columns (and optionally the target).")
    var data: String

    @Option(help: "Name of the 0/1 target column, if the file has one.")
    var target: String?

    func run() throws {
        guard let archiveBytes = FileManager.default.contents(atPath: model) else {
            throw ValidationError("cannot read \(model)")
        }
        guard let csv = FileManager.default.contents(atPath: data) else {
            throw ValidationError("cannot read \(data)")
        }
        let archive = try ModelArchive.decode([UInt8](archiveBytes))
        let table = try CSVTable(utf8: [UInt8](csv))
        let schema = (names: archive.featureNames, kinds: archive.featureKinds)
        if let target {
            let (rows, labels) = try table.dataset(target: target, schema: schema)
            let evaluation = BinaryEvaluation(labels: labels, probabilities: archive.model.predict(rows))
            print("rows: \(rows.rowCount)")
            print("auc: \(String(format: "%.5f", evaluation.auc))")
            print("log_loss: \(String(format: "%.5f", evaluation.logLoss))")
            print("brier: \(String(format: "%.5f", evaluation.brier))")
            print("ece: \(String(format: "%.5f", evaluation.expectedCalibrationError))")
            print("accuracy: \(String(format: "%.5f", evaluation.accuracy))")
        } else {
            let rows = try table.features(schema: schema)
            print("probability")
            for p in archive.model.predict(rows) { print(p) }
        }
    }
}
