import Essentials
import Testing

@Suite struct CSVFieldScannerTests {
    /// Every record of `text` as strings with its line, scanning blocks of `blockSize` bytes the way a file is read:
    /// the unconsumed tail of a block is passed again in front of the next one.
    private func records(_ text: String, blockSize: Int) throws -> [(line: Int, fields: [String])] {
        let bytes = Array(text.utf8)
        var scanner = CSVFieldScanner()
        var result = [(line: Int, fields: [String])]()
        var pending = [UInt8]()
        var next = 0
        while true {
            let take = min(blockSize, bytes.count - next)
            pending += bytes[next..<(next + take)]
            next += take
            let isLast = next == bytes.count
            let consumed = try pending.withUnsafeBufferPointer { block in
                try scanner.scan(block, isLast: isLast) { fields, block, unescaped, line in
                    result.append((line, fields.map { field in
                        field.unescaped ? String(decoding: unescaped[field.start..<field.end], as: UTF8.self)
                            : String(decoding: UnsafeBufferPointer(rebasing: block[field.start..<field.end]), as: UTF8.self)
                    }))
                }
            }
            pending.removeFirst(consumed)
            if isLast { return result }
        }
    }

    @Test func smallBlocksGiveTheRecordsOfOneBlock() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",3\n\n  \n\"multi\nline\",,\r4,5,6\r\n\"\",\"\"\"\",7"
        let whole = try records(text, blockSize: text.utf8.count)
        #expect(whole.map(\.fields) == [
            ["a", "b", "c"], ["1", "x, \"y\"", "3"], ["multi\nline", "", ""], ["4", "5", "6"], ["", "\"", "7"],
        ])
        #expect(whole.map(\.line) == [1, 2, 5, 7, 8])
        for blockSize in 1...9 {
            let split = try records(text, blockSize: blockSize)
            #expect(split.map(\.fields) == whole.map(\.fields), "block size \(blockSize)")
            #expect(split.map(\.line) == whole.map(\.line), "block size \(blockSize)")
        }
    }

    @Test func openQuoteIsAnErrorAtTheEnd() {
        #expect(throws: CSVError.self) { _ = try records("a\n\"open", blockSize: 3) }
    }

    @Test func bytesAfterAClosingQuoteStayInTheFieldInAnyBlockSize() throws {
        let text = "a,b\n\"x\"y,\"p\"\"q\"r\r\n\"z\"\"\"\n"
        let whole = try records(text, blockSize: text.utf8.count)
        #expect(whole.map(\.fields) == [["a", "b"], ["xy", "p\"qr"], ["z\""]])
        for blockSize in 1...6 { #expect(try records(text, blockSize: blockSize).map(\.fields) == whole.map(\.fields), "block size \(blockSize)") }
    }
}
