import Essentials
import Testing

/// The one CSV splitter the replay files, Savant exports and training tables share.
struct CSVReaderTests {
    private func fields(_ text: String) throws -> [[String]] {
        try CSVReader.records(text.utf8).map(\.fields)
    }

    @Test func splitsRecordsAtEveryKindOfLineEnd() throws {
        #expect(try fields("a,b\n1,2\r\n3,4\r5,6") == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
    }

    @Test func quotedFieldsKeepCommasLineBreaksAndDoubledQuotes() throws {
        let records = try CSVReader.records("name,note\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\nnext,x\n".utf8)
        #expect(records.map(\.fields) == [["name", "note"], ["Smith, J", "said \"hi\"\nthen left"], ["next", "x"]])
        // A record is numbered by the line it starts on, however many lines a field before it spans.
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func dropsTheByteOrderMarkAndSkipsBlankLines() throws {
        let records = try CSVReader.records([0xEF, 0xBB, 0xBF] + Array("a,b\n\n  \n1,2\n".utf8))
        #expect(records == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 4, fields: ["1", "2"])])
    }

    @Test func keepsEmptyFieldsAndDoesNotTrim() throws {
        #expect(try fields("a,b,c\n, x ,\n") == [["a", "b", "c"], ["", " x ", ""]])
    }

    @Test func aQuotedFieldLeftOpenNamesTheLineItStartsOn() {
        #expect(throws: CSVError(code: .malformed, line: 2, message: "a quoted field is never closed (truncated file?)")) {
            try CSVReader.records("a,b\n1,\"never\nclosed\n".utf8)
        }
    }

    @Test func quotesWhereCSVHasNoneAreKeptAsText() throws {
        // Not CSV, read leniently: a quote inside an unquoted field is a byte like any other, and what follows a
        // closing quote up to the delimiter stays in the field.
        #expect(try fields("a,b\n5'10\",x\n\"ab\"cd,\"e\"\"f\"g\n") == [["a", "b"], ["5'10\"", "x"], ["abcd", "e\"fg"]])
    }
}
