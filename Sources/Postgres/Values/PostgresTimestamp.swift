import Essentials
import Foundation

/// Formats and parses `timestamptz` / `date` text in ISO style, UTC, without `DateFormatter`.
///
/// Connections set `TimeZone = 'UTC'` and `DateStyle = 'ISO, YMD'`, so the server prints
/// `2026-03-01 18:30:00.25+00`; input is written the same way.
enum PostgresTimestamp {
    private static let microsecondsPerDay: Int64 = 86_400_000_000

    /// `date` as `YYYY-MM-DD HH:MM:SS.ffffff+00`, to the microsecond (PostgreSQL's precision).
    static func format(_ date: Date) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        append(date, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `date` in the `format(_:)` form to `bytes`, without intermediate strings (COPY's hot path).
    static func append(_ date: Date, to bytes: inout [UInt8]) {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        var days = micros / microsecondsPerDay
        var inDay = micros % microsecondsPerDay
        if inDay < 0 {
            inDay += microsecondsPerDay
            days -= 1
        }
        let civil = GregorianDays.date(fromDays: Int(days))
        let (year, month, day) = (Int64(civil.year), Int64(civil.month), Int64(civil.day))
        let seconds = inDay / 1_000_000
        // PostgreSQL has no year 0: proleptic year 0 is 1 BC, -1 is 2 BC.
        appendDigits(year > 0 ? year : 1 - year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        appendDigits(seconds / 3600, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(seconds / 60 % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(seconds % 60, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(inDay % 1_000_000, width: 6, to: &bytes)
        bytes.append(contentsOf: "+00".utf8)
        if year <= 0 { bytes.append(contentsOf: " BC".utf8) }
    }

    /// Appends `value` (≥ 0) in decimal, zero-padded to at least `width` digits.
    private static func appendDigits(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        var remaining = value
        var written = 0
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(remaining % 10))
            remaining /= 10
            written += 1
        } while remaining > 0 || written < width
        bytes[start...].reverse()
    }

    /// Parses `YYYY-MM-DD`, optionally followed by ` HH:MM[:SS[.f…]]` and an offset `±HH[:MM[:SS]]` or `Z`.
    /// Years before 1 carry a ` BC` suffix, as PostgreSQL prints them.
    static func parse(_ text: String) -> Date? {
        var bytes = Array(text.utf8)[...]
        let isBC = bytes.count > 3 && bytes.suffix(3).elementsEqual(" BC".utf8)
        if isBC { bytes = bytes.dropLast(3) }
        let yearDigits = bytes.prefix { $0 != UInt8(ascii: "-") }.count
        guard yearDigits >= 4, let printedYear = number(&bytes, digits: yearDigits), bytes.popFirst() == UInt8(ascii: "-"),
            let month = number(&bytes, digits: 2), bytes.popFirst() == UInt8(ascii: "-"),
            let day = number(&bytes, digits: 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let year = isBC ? 1 - printedYear : printedYear
        var micros = Int64(GregorianDays.days(year: Int(year), month: Int(month), day: Int(day))) * microsecondsPerDay
        guard let separator = bytes.popFirst() else {
            return Date(timeIntervalSince1970: Double(micros) / 1_000_000)
        }
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "T"),
            let hour = number(&bytes, digits: 2), bytes.popFirst() == UInt8(ascii: ":"),
            let minute = number(&bytes, digits: 2)
        else { return nil }
        var second: Int64 = 0
        if bytes.first == UInt8(ascii: ":") {
            bytes.removeFirst()
            guard let value = number(&bytes, digits: 2) else { return nil }
            second = value
        }
        micros += (hour * 3600 + minute * 60 + second) * 1_000_000
        if bytes.first == UInt8(ascii: ".") {
            bytes.removeFirst()
            var scale: Int64 = 100_000
            var fraction: Int64 = 0
            while let digit = bytes.first, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") {
                fraction += Int64(digit - UInt8(ascii: "0")) * scale
                scale /= 10
                bytes.removeFirst()
            }
            micros += fraction
        }
        if let sign = bytes.popFirst() {
            if sign != UInt8(ascii: "Z") {
                guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                    let offsetHours = number(&bytes, digits: 2)
                else { return nil }
                var offset = offsetHours * 3600
                if bytes.first == UInt8(ascii: ":") { bytes.removeFirst() }
                if let offsetMinutes = number(&bytes, digits: 2) { offset += offsetMinutes * 60 }
                if bytes.first == UInt8(ascii: ":") { bytes.removeFirst() }
                if let offsetSeconds = number(&bytes, digits: 2) { offset += offsetSeconds }
                micros -= (sign == UInt8(ascii: "+") ? offset : -offset) * 1_000_000
            }
            guard bytes.isEmpty else { return nil }
        }
        return Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    private static func number(_ bytes: inout ArraySlice<UInt8>, digits: Int) -> Int64? {
        guard bytes.count >= digits else { return nil }
        var value: Int64 = 0
        for _ in 0..<digits {
            let digit = bytes.removeFirst()
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
