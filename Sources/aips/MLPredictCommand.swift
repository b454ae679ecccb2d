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

    /// Rows parsed and scored at a time: the file is streamed, so memory holds one block, not the file.
    @Option(help: "Rows read and scored at a time.")
    var blockRows = 65_536

    func run() throws {
        guard let archiveBytes = FileManager.default.contents(atPath: model) else {
            throw ValidationError("cannot read \(model)")
        }
        guard blockRows > 0 else { throw ValidationError("--block-rows must be positive") }
        let archive = try ModelArchive.decode([UInt8](archiveBytes))
        let table = try CSVTable(contentsOfFile: data)
        let schema = (names: archive.featureNames, kinds: archive.featureKinds)
        if let target {
            // AUC needs every row's label and probability: two Doubles a row, not the features.
            var labels = [Double]()
            var probabilities = [Double]()
            labels.reserveCapacity(table.rowCount)
            probabilities.reserveCapacity(table.rowCount)
            try table.forEachBlock(rows: blockRows, schema: schema, target: target, targetLevels: archive.targetLevels) { block in
                labels.append(contentsOf: block.labels)
                probabilities.append(contentsOf: archive.model.predict(block.features))
            }
            let evaluation = BinaryEvaluation(labels: labels, probabilities: probabilities)
            print("rows: \(labels.count)")
            print("auc: \(String(format: "%.5f", evaluation.auc))")
            print("log_loss: \(String(format: "%.5f", evaluation.logLoss))")
            print("brier: \(String(format: "%.5f", evaluation.brier))")
            print("ece: \(String(format: "%.5f", evaluation.expectedCalibrationError))")
            print("accuracy: \(String(format: "%.5f", evaluation.accuracy))")
        } else {
            print("probability")
            try table.forEachBlock(rows: blockRows, schema: schema) { block in
                var lines = ""
                for p in archive.model.predict(block.features) { lines += "\(p)\n" }
                print(lines, terminator: "")
            }
        }
    }
}
