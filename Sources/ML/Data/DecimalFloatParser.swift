/// Parses short decimal numbers (the common case in CSV files) to Float without going through `strtof`.
///
/// A number with at most 7 significant digits and a decimal exponent of at most 10 in magnitude is an exact Float
/// times or divided by an exact power of ten, so one IEEE multiplication or division rounds it correctly (Clinger's
/// fast path). Anything else falls back to the standard library's parser, so results are always the correctly
/// rounded Float.
enum DecimalFloatParser {
    private static let powersOfTen: [Float] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10]

    /// The value of `text`, or nil when it is not a number.
    static func parse(_ text: String) -> Float? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// The value of the UTF-8 text `bytes`, or nil when it is not a number; reads the bytes in place, so a CSV field
    /// needs no `String` unless it takes the slow path.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Float? {
        var mantissa: UInt32 = 0
        var significantDigits = 0
        var exponent = 0
        var negative = false
        var sawDigit = false
        var sawPoint = false
        var index = 0
        let count = bytes.count
        func standard() -> Float? { Float(String(decoding: bytes, as: UTF8.self)) }
        if index < count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        while index < count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                sawDigit = true
                let digit = UInt32(byte - UInt8(ascii: "0"))
                if mantissa == 0 && digit == 0 {
                    // Leading zeros carry no precision; after the point they shift the exponent.
                    if sawPoint { exponent -= 1 }
                } else {
                    significantDigits += 1
                    if significantDigits > 7 { return standard() }
                    mantissa = mantissa * 10 + digit
                    if sawPoint { exponent -= 1 }
                }
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else if (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) && sawDigit {
                guard let power = exponentValue(UnsafeBufferPointer(rebasing: bytes[(index + 1)...])) else { return standard() }
                exponent += power
                break
            } else {
                return standard()
            }
            index += 1
        }
        guard sawDigit else { return standard() }
        var value = Float(mantissa)
        if mantissa != 0 {
            guard abs(exponent) <= 10 else { return standard() }
            value = exponent >= 0 ? value * powersOfTen[exponent] : value / powersOfTen[-exponent]
        }
        return negative ? -value : value
    }

    /// An exponent of one or two digits after an optional sign; nil for anything else (the slow path decides).
    private static func exponentValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let digits = bytes.count - index
        guard digits == 1 || digits == 2 else { return nil }
        var value = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            index += 1
        }
        return negative ? -value : value
    }
}
