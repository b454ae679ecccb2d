/// Splits CSV bytes into records of fields as byte ranges, without making a `String` of any field: the one CSV
/// tokenizer, under ``CSVReader`` and the ML training tables.
///
/// RFC 4180: fields may be double-quoted, with commas, line breaks and doubled quotes inside; records end at `\n`,
/// `\r\n` or `\r`; a leading UTF-8 byte order mark is dropped and blank lines (nothing but spaces or tabs) are
/// skipped. Leniently, for text that is not quite CSV: a quote inside an unquoted field is an ordinary byte, and bytes
/// between a closing quote and the next delimiter are kept after the quoted text.
///
/// Fields stay where they are in the block: a training table of 50 million fields read as `String`s took four times
/// the memory of the whole fit (issue #21). Only a quoted field with a doubled quote inside (or bytes after its
/// closing quote) is copied, undoubled, into a scratch buffer of the scanner.
///
/// The scanner is fed blocks of a file in order; a record cut by the end of a block is handed back as unconsumed,
/// and the caller passes it again at the start of the next block.
///
/// ``scan(_:isLast:_:)`` is `@inlinable`, so it is compiled into its callers: the ML training tables, optimized even
/// in debug builds, read through it as fast as when it was theirs (compiled in Essentials, unoptimized in a debug
/// build, it loaded a 100,000-row table 5× slower).
public struct CSVFieldScanner {
    /// One field of the current record: a byte range of the block, or of the scanner's scratch buffer (the
    /// `unescaped` bytes handed to the body of ``scan(_:isLast:_:)``) when `unescaped` is true.
    public struct Field: Sendable {
        /// The index of the field's first byte.
        public var start: Int
        /// The index after the field's last byte.
        public var end: Int
        /// Whether the range is one of the scratch buffer rather than of the block.
        public var unescaped: Bool

        @inlinable init(start: Int, end: Int, unescaped: Bool) {
            self.start = start
            self.end = end
            self.unescaped = unescaped
        }

        /// The field's bytes as UTF-8 text, from `block` or from the scratch buffer `scratch`.
        public func text(in block: UnsafeBufferPointer<UInt8>, unescaped scratch: [UInt8]) -> String {
            unescaped
                ? String(decoding: scratch[start..<end], as: UTF8.self)
                : String(decoding: UnsafeBufferPointer(rebasing: block[start..<end]), as: UTF8.self)
        }
    }

    /// The fields of the record being handed out, reused from record to record.
    @usableFromInline var fields: [Field] = []
    /// Undoubled copies of the record's quoted fields that have quotes inside.
    @usableFromInline var unescaped: [UInt8] = []
    /// The 1-based line the next record starts on.
    public var line: Int { nextLine }
    @usableFromInline var nextLine = 1
    /// Whether the start of the text (and a byte order mark there) has been seen.
    @usableFromInline var sawStart = false

    /// A scanner at the start of the text.
    public init() {}

    /// Hands every complete record of `block` to `body` (its fields, the bytes they point into, and the line it
    /// starts on) and returns how many bytes of `block` it consumed.
    ///
    /// - Parameter isLast: whether `block` ends the input; then a final record without a line end is complete, and
    ///   a quoted field left open is an error.
    @inlinable public mutating func scan(
        _ block: UnsafeBufferPointer<UInt8>, isLast: Bool,
        _ body: (_ fields: [Field], _ block: UnsafeBufferPointer<UInt8>, _ unescaped: [UInt8], _ line: Int) throws(CSVError) -> Void
    ) throws(CSVError) -> Int {
        var index = 0
        let count = block.count
        if !sawStart {
            guard count >= 3 || isLast else { return 0 }
            sawStart = true
            if count >= 3 && block[0] == 0xEF && block[1] == 0xBB && block[2] == 0xBF { index = 3 }
        }
        while index < count {
            let recordStart = index
            var lines = 0
            fields.removeAll(keepingCapacity: true)
            unescaped.removeAll(keepingCapacity: true)
            // One field per iteration; `index` ends on the byte after the field's delimiter.
            fieldLoop: while true {
                if index < count && block[index] == Self.quote {
                    var cursor = index + 1
                    var copyStart = -1
                    var closed = false
                    var segment = cursor
                    while cursor < count {
                        let byte = block[cursor]
                        if byte == Self.quote {
                            if cursor + 1 < count && block[cursor + 1] == Self.quote {
                                // A doubled quote: copy what precedes it plus one quote, and go on.
                                if copyStart < 0 { copyStart = unescaped.count }
                                unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: block[segment...cursor]))
                                cursor += 2
                                segment = cursor
                                continue
                            }
                            if cursor + 1 == count && !isLast { break }
                            closed = true
                            break
                        }
                        if byte == Self.newline || (byte == Self.carriageReturn && cursor + 1 < count && block[cursor + 1] != Self.newline) { lines += 1 }
                        cursor += 1
                    }
                    guard closed else {
                        if isLast { throw CSVError(code: .malformed, line: line, message: "a quoted field is never closed (truncated file?)") }
                        return recordStart
                    }
                    // Bytes between the closing quote and the delimiter (not CSV) are kept after the quoted text.
                    var end = cursor + 1
                    while end < count && block[end] != Self.comma && block[end] != Self.newline && block[end] != Self.carriageReturn {
                        end += 1
                    }
                    if copyStart < 0 && end > cursor + 1 { copyStart = unescaped.count }
                    if copyStart >= 0 {
                        unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: block[segment..<cursor]))
                        unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: block[(cursor + 1)..<end]))
                        fields.append(Field(start: copyStart, end: unescaped.count, unescaped: true))
                    } else {
                        fields.append(Field(start: index + 1, end: cursor, unescaped: false))
                    }
                    index = end
                } else {
                    let start = index
                    while index < count {
                        let byte = block[index]
                        if byte == Self.comma || byte == Self.newline || byte == Self.carriageReturn { break }
                        index += 1
                    }
                    fields.append(Field(start: start, end: index, unescaped: false))
                }
                guard index < count else {
                    if !isLast { return recordStart }
                    break fieldLoop
                }
                let delimiter = block[index]
                index += 1
                if delimiter == Self.comma { continue }
                if delimiter == Self.carriageReturn {
                    if index == count && !isLast { return recordStart }
                    if index < count && block[index] == Self.newline { index += 1 }
                }
                lines += 1
                break fieldLoop
            }
            let recordLine = line
            nextLine += lines
            if fields.count == 1 && !fields[0].unescaped && Self.isBlank(block, fields[0]) { continue }
            try body(fields, block, unescaped, recordLine)
        }
        return index
    }

    /// Whether a field holds nothing but spaces and tabs: a line of only those is skipped.
    @inlinable static func isBlank(_ block: UnsafeBufferPointer<UInt8>, _ field: Field) -> Bool {
        for i in field.start..<field.end where block[i] != space && block[i] != tab { return false }
        return true
    }

    @inlinable static var quote: UInt8 { UInt8(ascii: "\"") }
    @inlinable static var comma: UInt8 { UInt8(ascii: ",") }
    @inlinable static var newline: UInt8 { UInt8(ascii: "\n") }
    @inlinable static var carriageReturn: UInt8 { UInt8(ascii: "\r") }
    @inlinable static var space: UInt8 { UInt8(ascii: " ") }
    @inlinable static var tab: UInt8 { UInt8(ascii: "\t") }
}
