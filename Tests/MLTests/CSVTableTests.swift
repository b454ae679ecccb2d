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
}
