import Foundation
import Jobs
import ML
import Testing

/// The time split: fit rows are all older than the validation window, whose older half calibrates and newer
/// half evaluates; missing features become NaN columns.
@Suite struct TrainingDataTests {
    @Test func rowsAreSplitInTimeOrder() {
        let day = 86_400.0
        var examples: [TrainingExample] = []
        for index in (0..<40).reversed() {
            let start = Date(timeIntervalSince1970: Double(index) * day)
            let features: [String: Double] = index % 2 == 0 ? ["a": Double(index), "b": 1] : ["a": Double(index)]
            examples.append(
                TrainingExample(
                    gameID: index, scheduledAt: start, asOf: start.addingTimeInterval(-3_600), features: features, label: Double(index % 2)))
        }
        let data = TrainingData(examples: examples, validationStart: Date(timeIntervalSince1970: 30 * day))
        #expect(data.names == ["a", "b"])
        #expect(data.fit.map(\.gameID) == Array(0..<30))
        #expect(data.calibration.map(\.gameID) == Array(30..<35))
        #expect(data.evaluation.map(\.gameID) == Array(35..<40))
        let dataset = data.dataset(data.evaluation)
        #expect(dataset.rowCount == 5 && dataset.columnCount == 2)
        #expect(dataset.column(1).filter { $0.isNaN }.count == 3)
    }
}
