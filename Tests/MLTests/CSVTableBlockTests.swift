import Essentials
import Foundation
import Testing
@testable import ML

/// `CSVTable.forEachBlock`: the streamed reader `aips ml predict` scores a file with.
@Suite struct CSVTableBlockTests {
    private func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-blocks-\(UUID()).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func blocksScoreLikeTheWholeFile() throws {
        // 1,000 rows in blocks of 64: fifteen full blocks and a short one. Quoted and missing fields, a category
        // with a doubled quote, and a test level the training rows never had.
        var train = "x,team,z,y\n"
        var test = "x,team,z,y\n"
        var generator = SplitMix64(seed: 7)
        for row in 0..<2_000 {
            let x = Double(generator.next() % 10_000) / 1_000
            let team = row % 7 == 3 ? "\"t \"\"q\"\"\"" : "t\(row % 5)"
            let z = row % 11 == 0 ? "NA" : "\(Double(generator.next() % 1_000) / 100)"
            let y = (x > 5) != (row % 5 == 2) ? 1 : 0
            let line = "\(x),\(team),\(z),\(y)\n"
            if row < 1_000 { train += line } else { test += row % 13 == 0 ? "\(x),unseen,\(z),\(y)\n" : line }
        }
        let trainPath = try file(train)
        let testPath = try file(test)
        defer {
            try? FileManager.default.removeItem(atPath: trainPath)
            try? FileManager.default.removeItem(atPath: testPath)
        }
        let (data, labels) = try CSVTable(contentsOfFile: trainPath).dataset(target: "y")
        let model = try GradientBoosting(configuration: .small(trees: 20, leaves: 8)).fit(data, labels: labels)
        let schema = (names: data.names, kinds: data.kinds)
        let table = try CSVTable(contentsOfFile: testPath)
        let whole = try table.dataset(target: "y", schema: schema)

        var probabilities = [Double]()
        var blockLabels = [Double]()
        var firstRows = [Int]()
        try table.forEachBlock(rows: 64, schema: schema, target: "y") { block in
            firstRows.append(block.firstRow)
            #expect(block.features.rowCount == min(64, 1_000 - block.firstRow))
            probabilities += model.predict(block.features)
            blockLabels += block.labels
        }
        #expect(firstRows == Array(stride(from: 0, to: 1_000, by: 64)))
        #expect(blockLabels == whole.labels)
        #expect(probabilities == model.predict(whole.data))
        // The categorical column really took part: the model does not score every team alike.
        #expect(Set(probabilities).count > 2)
    }

    @Test func blocksWithoutTargetKeepEveryColumn() throws {
        let table = try CSVTable("a,b\n1,2\n3,NA\n5,6\n")
        let schema = (names: ["a", "b"], kinds: [FeatureKind.numerical, .numerical])
        var columns: [[Float]] = [[], []]
        try table.forEachBlock(rows: 2, schema: schema) { block in
            for c in 0..<2 { columns[c] += block.features.column(c) }
        }
        #expect(columns[0] == [1, 3, 5])
        #expect(columns[1][0] == 2 && columns[1][1].isNaN && columns[1][2] == 6)
    }

    @Test func fieldThatIsNotANumberNamesItsLine() throws {
        let path = try file("x,y\n1,0\n2,1\n\n3a,0\n4,1\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let table = try CSVTable(contentsOfFile: path)
        let error = #expect(throws: CSVError.self) {
            try table.forEachBlock(rows: 2, schema: (names: ["x"], kinds: [.numerical]), target: "y") { _ in }
        }
        #expect(error?.code == .invalidNumber && error?.line == 5)
        #expect(error?.description == "CSV line 5: x is \"3a\", not a number")
    }

    @Test func raggedRowNamesItsLine() throws {
        let path = try file("x,y\n1,0\n2,1,9\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: CSVError.self) { _ = try CSVTable(contentsOfFile: path) }
        #expect(error?.code == .raggedRow && error?.line == 3)
    }

    @Test func missingTargetNamesItsLine() throws {
        let table = try CSVTable("x,y\n1,0\n2,NA\n")
        let error = #expect(throws: CSVError.self) {
            try table.forEachBlock(schema: (names: ["x"], kinds: [.numerical]), target: "y") { _ in }
        }
        #expect(error?.code == .invalidTarget && error?.line == 3)
    }

    @Test func aTextTargetReadsWithTheLevelsItWasTrainedWith() throws {
        // Trained on "no"/"yes", a saved model keeps the levels; a later file maps them the same way, block by block.
        let training = try CSVTable("x,outcome\n1,yes\n2,no\n3,yes\n")
        let labelled = try training.labelledDataset(target: "outcome")
        #expect(labelled.targetLevels == ["no", "yes"] && labelled.labels == [1, 0, 1])
        let archive = try ModelArchive.decode(
            try ModelArchive(
                model: .generalizedLinear(try GeneralizedLinear().fit(labelled.data, labels: labelled.labels)), trainedOn: labelled.data,
                metadata: [ModelArchive.targetLevelsKey: ModelArchive.targetLevelsValue(labelled.targetLevels!)]
            ).encoded())
        #expect(archive.targetLevels == ["no", "yes"])

        let scored = try CSVTable("x,outcome\n4,no\n5,yes\n6,no\n")
        var labels: [Double] = []
        try scored.forEachBlock(rows: 2, schema: (names: ["x"], kinds: [.numerical]), target: "outcome", targetLevels: archive.targetLevels) {
            labels += $0.labels
        }
        #expect(labels == [0, 1, 0])

        let other = try CSVTable("x,outcome\n4,no\n5,maybe\n")
        let unknown = #expect(throws: CSVError.self) {
            try other.forEachBlock(schema: (names: ["x"], kinds: [.numerical]), target: "outcome", targetLevels: archive.targetLevels) { _ in }
        }
        #expect(unknown?.code == .invalidTarget && unknown?.line == 3 && unknown?.message.contains("maybe") == true)
        // Without the levels (a numeric model), text is no label.
        let numeric = #expect(throws: CSVError.self) {
            try scored.forEachBlock(schema: (names: ["x"], kinds: [.numerical]), target: "outcome") { _ in }
        }
        #expect(numeric?.code == .invalidTarget && numeric?.line == 2)
    }
}
