/// Splits comma-separated text into records, as RFC 4180 has it, for every CSV the platform reads (replay games
/// files, Baseball Savant exports, training tables).
///
/// Fields may be double-quoted, with commas, line breaks and doubled quotes inside. Records end at `\n`, `\r\n` or
/// `\r`. A leading UTF-8 byte order mark is dropped, and blank lines (nothing but spaces or tabs) are skipped.
/// What a field means (missing, a number, a name) is the caller's business.
public enum CSVReader {
    /// The records of `bytes`, the header first; a quoted field left open is an error naming its line.
    public static func records(_ bytes: some Collection<UInt8>) throws(CSVSyntaxError) -> [CSVRecord] {
        var bytes = Array(bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var line = 1
        var recordLine = 1

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].utf8.allSatisfy { $0 == space || $0 == tab }) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == quote {
                    // A doubled quote is a quote inside the field; a single one closes it.
                    if index < bytes.count && bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == newline || (byte == carriageReturn && (index == bytes.count || bytes[index] != newline)) { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quote: quoted = true
            case comma: endField()
            case newline, carriageReturn:
                if byte == carriageReturn && index < bytes.count && bytes[index] == newline { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            default: field.append(byte)
            }
        }
        if quoted { throw CSVSyntaxError(line: recordLine, "a quoted field is never closed (truncated file?)") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
}
