/// A strict RFC 8259 well-formedness check over UTF-8 bytes, without building values, and the canonical form of a
/// JSON object in the same pass.
///
/// Submitting a job only needs to know that its payload is JSON; parsing it into
/// Foundation objects for that costs more than the enqueue itself.
public enum JSONSyntax {
    /// Whether `text` is one JSON value (any type) with optional surrounding whitespace, nested at most `maximumDepth` deep.
    public static func isValid(_ text: String, maximumDepth: Int = 256) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var parser = Parser(bytes: bytes, maximumDepth: maximumDepth)
            return parser.document()
        }
    }

    /// The JSON object `bytes` (UTF-8) in one canonical form, without the top-level members whose keys are in
    /// `keys`; `nil` when `bytes` is not one well-formed JSON object nested at most `maximumDepth` deep.
    ///
    /// Two texts of the same content have the same canonical form whatever their layout: no whitespace, each
    /// object's members in the order of their keys' bytes (members with the same key keep their order), strings
    /// with only the escapes JSON requires (`"`, `\\`, control characters; `/` and other characters as they are), an
    /// integer that fits in 64 bits in decimal digits, any other number as the shortest text of its nearest double.
    /// So re-serializing a payload (as Foundation does, in any key order) does not change it, while any change of a
    /// value does.
    public static func canonicalObject(
        _ bytes: UnsafeBufferPointer<UInt8>, leavingOut keys: Set<String> = [], maximumDepth: Int = 512
    ) -> [UInt8]? {
        var parser = Parser(bytes: bytes, maximumDepth: maximumDepth)
        parser.output = []
        parser.output?.reserveCapacity(bytes.count)
        parser.leftOut = keys.map { Array("\"\($0)\"".utf8) }
        parser.skipWhitespace()
        guard parser.current == UInt8(ascii: "{"), parser.document() else { return nil }
        return parser.output
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let maximumDepth: Int
        var index = 0
        var depth = 0
        /// The canonical text so far; `nil` when only checking.
        var output: [UInt8]?
        /// The canonical keys (quoted) of the top-level members the canonical text leaves out.
        var leftOut: [[UInt8]] = []

        init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
            self.bytes = bytes
            self.maximumDepth = maximumDepth
        }

        mutating func document() -> Bool {
            skipWhitespace()
            guard value() else { return false }
            skipWhitespace()
            return index == bytes.count
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
        }

        private mutating func value() -> Bool {
            guard let byte = current else { return false }
            let start = index
            let valid: Bool
            switch byte {
            case UInt8(ascii: "{"): return container(close: UInt8(ascii: "}"), keyed: true)
            case UInt8(ascii: "["): return container(close: UInt8(ascii: "]"), keyed: false)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): valid = literal("true")
            case UInt8(ascii: "f"): valid = literal("false")
            case UInt8(ascii: "n"): valid = literal("null")
            default:
                guard number() else { return false }
                return output == nil || writeNumber(bytes[start..<index])
            }
            if valid { output?.append(contentsOf: bytes[start..<index]) }
            return valid
        }

        private mutating func container(close: UInt8, keyed: Bool) -> Bool {
            depth += 1
            guard depth <= maximumDepth else { return false }
            defer { depth -= 1 }
            output?.append(bytes[index])
            index += 1
            skipWhitespace()
            if current == close {
                index += 1
                output?.append(close)
                return true
            }
            // Where each written member's key and text lie in `output`, to put the members in key order at the end.
            let contentStart = output?.count ?? 0
            var members: [(key: Range<Int>, text: Range<Int>)] = []
            var written = 0
            var inOrder = true
            while true {
                let memberStart = output?.count ?? 0
                if written > 0 { output?.append(UInt8(ascii: ",")) }
                let textStart = output?.count ?? 0
                var key = textStart..<textStart
                if keyed {
                    guard current == UInt8(ascii: "\""), string() else { return false }
                    key = textStart..<(output?.count ?? textStart)
                    skipWhitespace()
                    guard current == UInt8(ascii: ":") else { return false }
                    index += 1
                    skipWhitespace()
                    output?.append(UInt8(ascii: ":"))
                }
                guard value() else { return false }
                if let text = output.map({ textStart..<$0.count }) {
                    if keyed, depth == 1, leftOut.contains(where: { output![key].elementsEqual($0) }) {
                        output!.removeSubrange(memberStart...)
                    } else {
                        if keyed {
                            if let last = members.last, output![key].lexicographicallyPrecedes(output![last.key]) { inOrder = false }
                            members.append((key, text))
                        }
                        written += 1
                    }
                }
                skipWhitespace()
                guard let byte = current else { return false }
                index += 1
                if byte == close { break }
                guard byte == UInt8(ascii: ",") else { return false }
                skipWhitespace()
            }
            if keyed, !inOrder, let content = output.map({ Self.inKeyOrder(members, of: $0, from: contentStart) }) {
                output!.replaceSubrange(contentStart..., with: content)
            }
            output?.append(close)
            return true
        }

        /// The object content `text[start...]` with its `members` in the order of their keys (a stable sort).
        private static func inKeyOrder(_ members: [(key: Range<Int>, text: Range<Int>)], of text: [UInt8], from start: Int) -> [UInt8] {
            let order = members.indices.sorted { a, b in
                let (x, y) = (text[members[a].key], text[members[b].key])
                return x.lexicographicallyPrecedes(y) || (x.elementsEqual(y) && a < b)
            }
            var content: [UInt8] = []
            content.reserveCapacity(text.count - start)
            for (position, member) in order.enumerated() {
                if position > 0 { content.append(UInt8(ascii: ",")) }
                content.append(contentsOf: text[members[member].text])
            }
            return content
        }

        private mutating func string() -> Bool {
            let start = index
            var escapes = false
            index += 1
            while let byte = current {
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    guard output != nil else { return true }
                    guard escapes else {
                        output!.append(contentsOf: bytes[start..<index])
                        return true
                    }
                    return writeUnescaped(bytes[(start + 1)..<(index - 1)])
                case UInt8(ascii: "\\"):
                    escapes = true
                    guard let escaped = current else { return false }
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        continue
                    case UInt8(ascii: "u"):
                        for _ in 0..<4 {
                            guard let hex = current, isHexDigit(hex) else { return false }
                            index += 1
                        }
                    default:
                        return false
                    }
                case 0..<0x20:
                    return false  // control characters must be escaped
                default:
                    continue
                }
            }
            return false
        }

        /// Writes the string whose text between the quotes is `content` (well-formed, with escapes) with only the
        /// escapes JSON requires; false for an escaped lone surrogate, which no character is.
        private mutating func writeUnescaped(_ content: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            output!.append(UInt8(ascii: "\""))
            var position = content.startIndex
            func hex(_ at: Int) -> UInt32 {
                content[at..<(at + 4)].reduce(0) { value, digit in
                    let nibble: UInt8 = switch digit {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
                    default: digit - UInt8(ascii: "A") + 10
                    }
                    return value << 4 | UInt32(nibble)
                }
            }
            while position < content.endIndex {
                let byte = content[position]
                guard byte == UInt8(ascii: "\\") else {
                    output!.append(byte)
                    position += 1
                    continue
                }
                let kind = content[position + 1]
                position += 2
                var scalar: UInt32
                switch kind {
                case UInt8(ascii: "b"): scalar = 0x08
                case UInt8(ascii: "f"): scalar = 0x0C
                case UInt8(ascii: "n"): scalar = 0x0A
                case UInt8(ascii: "r"): scalar = 0x0D
                case UInt8(ascii: "t"): scalar = 0x09
                case UInt8(ascii: "u"):
                    scalar = hex(position)
                    position += 4
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard position + 6 <= content.endIndex, content[position] == UInt8(ascii: "\\"),
                            content[position + 1] == UInt8(ascii: "u")
                        else { return false }
                        let low = hex(position + 2)
                        guard (0xDC00..<0xE000).contains(low) else { return false }
                        scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                        position += 6
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        return false
                    }
                default: scalar = UInt32(kind)  // `"`, `\\`, `/`
                }
                writeEscaped(Unicode.Scalar(scalar)!)
            }
            output!.append(UInt8(ascii: "\""))
            return true
        }

        /// Writes `scalar` inside a string: escaped where JSON requires it, else as its UTF-8 bytes.
        private mutating func writeEscaped(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x22: output!.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case 0x5C: output!.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: output!.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: output!.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: output!.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output!.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output!.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                output!.append(contentsOf: Array("\\u00".utf8) + [digits[Int(scalar.value >> 4)], digits[Int(scalar.value & 0xF)]])
            default: output!.append(contentsOf: String(scalar).utf8)
            }
        }

        /// Writes the number `token` (well-formed): an integer that fits in 64 bits in decimal digits, any other as the
        /// shortest text of its nearest double (without a trailing `.0`); false for one beyond a double's range.
        private mutating func writeNumber(_ token: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            let text = String(decoding: token, as: UTF8.self)
            let fractional = token.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
            if !fractional, let integer = Int64(text) {
                output!.append(contentsOf: String(integer).utf8)
                return true
            }
            guard let double = Double(text), double.isFinite else { return false }
            var shortest = double.description
            if shortest.hasSuffix(".0") { shortest.removeLast(2) }
            output!.append(contentsOf: shortest.utf8)
            return true
        }

        private func isHexDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }

        private mutating func digits() -> Int {
            let start = index
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index - start
        }

        private mutating func number() -> Bool {
            if current == UInt8(ascii: "-") { index += 1 }
            if current == UInt8(ascii: "0") {
                index += 1
            } else if digits() == 0 {
                return false
            }
            if current == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { return false }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { return false }
            }
            return true
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
            for offset in 0..<count where bytes[index + offset] != expected[offset] { return false }
            index += count
            return true
        }
    }
}
