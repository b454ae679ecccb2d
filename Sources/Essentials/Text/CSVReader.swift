/// Splits comma-separated text into records of `String` fields, for the small CSVs the platform reads whole (replay
/// games files, Baseball Savant exports).
///
/// The records are ``CSVFieldScanner``'s, the one tokenizer (which the ML training tables read without making a
/// `String` of any field): RFC 4180 quoting, with commas, line breaks and doubled quotes inside a quoted field;
/// records ending at `\n`, `\r\n` or `\r`; a leading UTF-8 byte order mark dropped and blank lines (nothing but spaces
/// or tabs) skipped. What a field means (missing, a number, a name) is the caller's business.
public enum CSVReader {
    /// The records of `bytes`, the header first; a quoted field left open is a ``CSVError/Code/malformed`` error
    /// naming the line the record starts on.
    public static func records(_ bytes: some Collection<UInt8>) throws(CSVError) -> [CSVRecord] {
        var scanner = CSVFieldScanner()
        var records: [CSVRecord] = []
        try Array(bytes).withUnsafeBufferPointer { (bytes) throws(CSVError) in
            _ = try scanner.scan(bytes, isLast: true) { fields, block, unescaped, line in
                records.append(CSVRecord(line: line, fields: fields.map { $0.text(in: block, unescaped: unescaped) }))
            }
        }
        return records
    }
}
