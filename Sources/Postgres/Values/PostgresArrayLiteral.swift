/// Writes and reads one-dimensional PostgreSQL array literals (`{"a","b c",NULL}`).
enum PostgresArrayLiteral {
    /// Appends `text` as a double-quoted array element, escaping `"` and `\`.
    static func appendQuoted(_ text: String, to literal: inout String) {
        literal += "\""
        for character in text.unicodeScalars {
            if character == "\"" || character == "\\" { literal += "\\" }
            literal.unicodeScalars.append(character)
        }
        literal += "\""
    }

    /// Splits a literal into its elements (`nil` for `NULL`); returns `nil` for malformed or nested input.
    static func parse(_ literal: String) -> [String?]? {
        var scalars = literal.unicodeScalars[...]
        guard scalars.popFirst() == "{", scalars.popLast() == "}" else { return nil }
        if scalars.isEmpty { return [] }
        var elements: [String?] = []
        while true {
            if scalars.first == "\"" {
                scalars.removeFirst()
                var element = String.UnicodeScalarView()
                while true {
                    guard let scalar = scalars.popFirst() else { return nil }
                    if scalar == "\"" { break }
                    if scalar == "\\" {
                        guard let escaped = scalars.popFirst() else { return nil }
                        element.append(escaped)
                    } else {
                        element.append(scalar)
                    }
                }
                elements.append(String(element))
            } else {
                var element = String.UnicodeScalarView()
                while let scalar = scalars.first, scalar != "," {
                    if scalar == "{" { return nil }
                    element.append(scalar)
                    scalars.removeFirst()
                }
                let text = String(element)
                elements.append(text.uppercased() == "NULL" ? nil : text)
            }
            guard let separator = scalars.popFirst() else { return elements }
            guard separator == "," else { return nil }
        }
    }
}
