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
        var mantissa: UInt32 = 0
        var significantDigits = 0
        var exponent = 0
        var negative = false
        var sawDigit = false
        var sawPoint = false
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        if index < utf8.endIndex && (utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+")) {
            negative = utf8[index] == UInt8(ascii: "-")
            index = utf8.index(after: index)
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                sawDigit = true
                let digit = UInt32(byte - UInt8(ascii: "0"))
                if mantissa == 0 && digit == 0 {
                    // Leading zeros carry no precision; after the point they shift the exponent.
                    if sawPoint { exponent -= 1 }
                } else {
                    significantDigits += 1
                    if significantDigits > 7 { return Float(text) }
                    mantissa = mantissa * 10 + digit
                    if sawPoint { exponent -= 1 }
                }
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else if (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) && sawDigit {
                guard let power = Int(Substring(text.utf8[utf8.index(after: index)...])), abs(power) < 100 else { return Float(text) }
                exponent += power
                break
            } else {
                return Float(text)
            }
            index = utf8.index(after: index)
        }
        guard sawDigit else { return Float(text) }
        var value = Float(mantissa)
        if mantissa != 0 {
            guard abs(exponent) <= 10 else { return Float(text) }
            value = exponent >= 0 ? value * powersOfTen[exponent] : value / powersOfTen[-exponent]
        }
        return negative ? -value : value
    }
}
