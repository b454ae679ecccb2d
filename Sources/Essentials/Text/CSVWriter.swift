import Foundation

/// Writes CSV as RFC 4180 reads it: fields joined by commas, lines ended by CRLF, and a field quoted (its quotes
/// doubled) when it holds a comma, a quote, a line break or leading or trailing spaces.
///
/// A field a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets
/// a leading apostrophe when `neutralizesFormulas` is on, so exported text cannot execute in the reader's
/// spreadsheet; numbers written by the program are not text and are left alone by passing them as they are.
public struct CSVWriter: Sendable {
    /// The text written so far.
    public private(set) var text = ""
    /// Whether text fields that look like formulas are prefixed with `'`.
    public var neutralizesFormulas: Bool

    /// An empty document.
    public init(neutralizesFormulas: Bool = true) {
        self.neutralizesFormulas = neutralizesFormulas
    }

    /// Appends one record of text fields.
    public mutating func append(_ fields: [String]) {
        text += fields.map(escape).joined(separator: ",")
        text += "\r\n"
    }

    /// One field as it is written.
    public func escape(_ field: String) -> String {
        var value = field
        if neutralizesFormulas, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(value) == nil {
            value = "'" + value
        }
        // Scalars, not characters: "\r\n" is one character, equal to neither "\r" nor "\n".
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first == " " || value.last == " "
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }
}
