import Essentials
import Foundation
import Testing
@testable import ML

@Suite struct CSVTableTests {
    @Test func infersNumericalAndCategoricalColumnsAndMissingValues() throws {
        let text = "a,team,y\r\n1.5,\"x, y\",1\nNA,b,0\n3,,1\n"
        let (data, labels) = try CSVTable(text).dataset(target: "y")
        #expect(data.names == ["a", "team"])
        #expect(data.kinds == [.numerical, .categorical(levels: ["b", "x, y"])])
        #expect(data[0, 0] == 1.5 && data[1, 0].isNaN && data[2, 0] == 3)
        #expect(data[0, 1] == 1 && data[1, 1] == 0 && data[2, 1].isNaN)
        #expect(labels == [1, 0, 1])
    }

    @Test func testFileUsesTheTrainingCodes() throws {
        let train = try CSVTable("team,y\nb,1\na,0\n").dataset(target: "y")
        let test = try CSVTable("team,y\nc,1\nb,0\n").dataset(target: "y", schema: (train.data.names, train.data.kinds))
        #expect(test.data[0, 0].isNaN)
        #expect(test.data[1, 0] == 1)
    }

    @Test func featuresOfRowsWithoutTargetFollowTheSchema() throws {
        let train = try CSVTable("a,team,y\n1,b,1\n2,a,0\n").dataset(target: "y")
        let rows = try CSVTable("a,team\n3,a\n4,z\n").features(schema: (train.data.names, train.data.kinds))
        #expect(rows.kinds == train.data.kinds)
        #expect(rows[0, 1] == 0 && rows[1, 1].isNaN && rows[1, 0] == 4)
        #expect(throws: CSVError.self) { try CSVTable("team,a\nb,1\n").features(schema: (train.data.names, train.data.kinds)) }
    }

    @Test func raggedRowIsReportedWithItsLine() {
        #expect(throws: CSVError.self) { try CSVTable("a,b\n1,2\n3\n") }
        do {
            _ = try CSVTable("a,b\n1,2\n3\n")
        } catch {
            #expect(error.code == .raggedRow && error.line == 3)
        }
    }

    @Test func textTargetWithTwoLevelsMapsToZeroAndOne() throws {
        let (_, labels) = try CSVTable("x,won\n1,no\n2,yes\n").dataset(target: "won")
        #expect(labels == [0, 1])
    }

    @Test func fastNumberParsingMatchesTheStandardLibraryBitForBit() {
        var random = SplitMix64(seed: 12)
        var texts = ["0", "-0", "00.000", ".5", "5.", "+3", "1e5", "1E+05", "-2.5e-3", "9999999", "10000000", "123456789",
                     "0.1", "3.4028235e38", "1e-45", "7e-46", "1.17549435e-38", "inf", "-inf", "nan", "0x1p3", "1.2.3", "-", "e5", "1e", "12abc"]
        for _ in 0..<3_000 {
            let magnitude = (random.nextUnit() - 0.5) * pow(10, Double(Int(random.next() % 24)) - 12)
            texts.append(String(format: "%.\(1 + random.next() % 9)g", magnitude))
            texts.append(String(Float(magnitude)))
        }
        for text in texts {
            let fast = DecimalFloatParser.parse(text)
            let standard = Float(text)
            #expect(fast?.bitPattern == standard?.bitPattern, "\(text)")
        }
    }

    @Test func pastTwoHundredFiftyFiveLevelsTheMostFrequentGetBins() throws {
        // 300 rare levels sort first; two frequent ones sort last and decide the target. Sorted, they would be codes
        // 300 and 301, past the 255 a tree bins, and share the missing bin: no split could tell them apart.
        var text = "venue,y\n"
        for index in 0..<300 { text += "a\(String(format: "%03d", index)),\(index % 2)\n" }
        for row in 0..<400 { text += row % 2 == 0 ? "zz-high,1\n" : "zz-low,0\n" }
        let (data, labels) = try CSVTable(text).dataset(target: "y")
        guard case .categorical(let levels) = data.kinds[0] else {
            Issue.record("venue should be categorical")
            return
        }
        #expect(levels.count == 302 && Set(levels.prefix(2)) == ["zz-high", "zz-low"])
        var config = GradientBoostingConfiguration()
        config.treeCount = 10
        config.minDataInLeaf = 5
        let model = try GradientBoosting(configuration: config).fit(data, labels: labels)
        let frequent = Array(300..<700)
        let probabilities = model.predict(data)
        let evaluation = BinaryEvaluation(labels: frequent.map { labels[$0] }, probabilities: frequent.map { probabilities[$0] })
        #expect(evaluation.auc > 0.99, "the two frequent levels are told apart: AUC \(evaluation.auc)")
    }

    @Test func fileIsReadLikeTheSameBytes() throws {
        var text = "x,team,y\n"
        for row in 0..<20_000 { text += "\(Double(row) / 7),\"t\(row % 3)\",\(row % 2)\n" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID()).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try CSVTable(contentsOfFile: path).dataset(target: "y")
        let fromBytes = try CSVTable(text).dataset(target: "y")
        #expect(fromFile.data == fromBytes.data && fromFile.labels == fromBytes.labels)
        #expect(fromFile.data.kinds[1] == .categorical(levels: ["t0", "t1", "t2"]) && fromFile.data[4, 1] == 1)
        #expect(throws: CSVError.self) { _ = try CSVTable(contentsOfFile: path + ".absent") }
    }
}
